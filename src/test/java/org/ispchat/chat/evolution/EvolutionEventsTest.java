package org.ispchat.chat.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.DeliveryStatus;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.IncomingMessage;
import org.ispchat.chat.IncomingReceipt;
import org.ispchat.chat.MessagingInstance.Connection;
import org.junit.jupiter.api.Test;

class EvolutionEventsTest {

  private static final Instant NOW = Instant.parse("2025-06-08T18:20:00Z");

  private static EvolutionDelivery parse(String json) {
    return EvolutionEvents.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), NOW);
  }

  private static String upsert(String key, String rest) {
    return "{'event':'messages.upsert','instance':'isp-support-01','data':{'key':"
        + key
        + ",'pushName':'Ana Pereira','status':'DELIVERY_ACK'"
        + rest
        + ",'messageTimestamp':1749416383,'instanceId':'128441f6','source':'android'},"
        + "'destination':'https://bot.example.net/webhooks/evolution',"
        + "'date_time':'2025-06-08T18:19:43.612Z','sender':'5511912345678@s.whatsapp.net',"
        + "'server_url':'https://evo.example.net','apikey':'B6D9'}";
  }

  private static final String TEXT = ",'message':{'conversation':'My internet is down'}";

  @Test
  void aTextFromAPersonBecomesAMessageOfTheInstance() {
    EvolutionDelivery d =
        parse(
            upsert(
                "{'remoteJid':'5511987654321@s.whatsapp.net','fromMe':false,'id':'3EB0C0BD05'}",
                TEXT));
    assertEquals("messages.upsert", d.event());
    assertEquals("isp-support-01", d.instance());
    IncomingMessage m = d.batch().messages().get(0);
    assertEquals(ChannelType.EVOLUTION, m.channel());
    assertEquals("3EB0C0BD05", m.providerMessageId());
    assertEquals("isp-support-01", m.businessNumber());
    assertEquals("5511987654321", m.sender());
    assertEquals("Ana Pereira", m.senderName());
    assertEquals(InboundKind.TEXT, m.kind());
    assertEquals("My internet is down", m.text());
    assertEquals(Instant.ofEpochSecond(1749416383), m.sentAt());
    assertEquals(0, d.skipped());
  }

  @Test
  void anExtendedTextAsVersionOneSentItIsText() {
    IncomingMessage m =
        parse(
                upsert(
                    "{'remoteJid':'218912345678@s.whatsapp.net','fromMe':false,'id':'A1'}",
                    ",'message':{'extendedTextMessage':{'text':'balance'}},"
                        + "'messageType':'extendedTextMessage'"))
            .batch()
            .messages()
            .get(0);
    assertEquals(InboundKind.TEXT, m.kind());
    assertEquals("balance", m.text());
  }

  @Test
  void aLidSenderIsAnsweredByThePhoneNumberItCarries() {
    IncomingMessage m =
        parse(
                upsert(
                    "{'remoteJid':'123456789012345@lid','remoteJidAlt':'218912345678@s.whatsapp.net',"
                        + "'addressingMode':'lid','fromMe':false,'id':'L1'}",
                    TEXT))
            .batch()
            .messages()
            .get(0);
    assertEquals("218912345678", m.sender());
  }

  @Test
  void aLidSenderWithoutItsNumberIsSkippedAndCounted() {
    EvolutionDelivery d =
        parse(upsert("{'remoteJid':'123456789012345@lid','fromMe':false,'id':'L2'}", TEXT));
    assertTrue(d.batch().isEmpty());
    assertEquals(1, d.skipped());
    assertTrue(d.firstSkipped().get(0).contains("L2"), d.firstSkipped().toString());
  }

  @Test
  void aDeviceSuffixIsNotPartOfTheNumber() {
    assertEquals("218912345678", EvolutionEvents.digits("218912345678:12@s.whatsapp.net"));
    assertNull(EvolutionEvents.digits("someone@example.com"));
  }

  @Test
  void ourOwnMessagesGroupsStatusPostsAndChannelsAreNotAnswered() {
    for (String key :
        new String[] {
          "{'remoteJid':'218912345678@s.whatsapp.net','fromMe':true,'id':'F1'}",
          "{'remoteJid':'120363025246125244@g.us','participant':'218912345678@s.whatsapp.net',"
              + "'fromMe':false,'id':'G1'}",
          "{'remoteJid':'status@broadcast','fromMe':false,'id':'S1'}",
          "{'remoteJid':'120363225246125244@newsletter','fromMe':false,'id':'N1'}"
        }) {
      EvolutionDelivery d = parse(upsert(key, TEXT));
      assertTrue(d.batch().isEmpty(), key);
      assertEquals(0, d.skipped(), key);
    }
  }

  @Test
  void mediaIsMediaAndReactionsAreNotAddressedToTheBot() {
    IncomingMessage image =
        parse(
                upsert(
                    "{'remoteJid':'218912345678@s.whatsapp.net','fromMe':false,'id':'I1'}",
                    ",'message':{'imageMessage':{'caption':'router'}},'messageType':'imageMessage'"))
            .batch()
            .messages()
            .get(0);
    assertEquals(InboundKind.MEDIA, image.kind());
    EvolutionDelivery reaction =
        parse(
            upsert(
                "{'remoteJid':'218912345678@s.whatsapp.net','fromMe':false,'id':'R1'}",
                ",'message':{'reactionMessage':{'text':'👍'}},'messageType':'reactionMessage'"));
    assertTrue(reaction.batch().isEmpty());
    IncomingMessage poll =
        parse(
                upsert(
                    "{'remoteJid':'218912345678@s.whatsapp.net','fromMe':false,'id':'P1'}",
                    ",'message':{'pollCreationMessageV3':{}},'messageType':'pollCreationMessageV3'"))
            .batch()
            .messages()
            .get(0);
    assertEquals(InboundKind.UNSUPPORTED, poll.kind());
  }

  @Test
  void aDisappearingMessageIsUnwrapped() {
    IncomingMessage m =
        parse(
                upsert(
                    "{'remoteJid':'218912345678@s.whatsapp.net','fromMe':false,'id':'E1'}",
                    ",'message':{'ephemeralMessage':{'message':{'extendedTextMessage':{'text':'3'}}}}"))
            .batch()
            .messages()
            .get(0);
    assertEquals("3", m.text());
  }

  @Test
  void acksOfOurMessagesBecomeReceiptsByKeyId() {
    String update =
        "{'event':'messages.update','instance':'isp-support-01','data':{'keyId':'3EB0AAA',"
            + "'remoteJid':'218912345678@s.whatsapp.net','fromMe':true,'participant':null,"
            + "'status':'%s','instanceId':'128441f6','messageId':'cm0rowid'},"
            + "'date_time':'2025-06-08T18:19:43.612Z'}";
    assertEquals(DeliveryStatus.SENT, receipt(update.formatted("SERVER_ACK")).status());
    assertEquals(DeliveryStatus.DELIVERED, receipt(update.formatted("DELIVERY_ACK")).status());
    assertEquals(DeliveryStatus.READ, receipt(update.formatted("READ")).status());
    assertEquals(DeliveryStatus.READ, receipt(update.formatted("PLAYED")).status());
    IncomingReceipt failed = receipt(update.formatted("ERROR"));
    assertEquals(DeliveryStatus.FAILED, failed.status());
    assertEquals("3EB0AAA", failed.providerMessageId(), "keyId, not Evolution's row id");
    assertEquals(NOW, failed.reportedAt());
    assertTrue(parse(update.formatted("PENDING")).batch().isEmpty());
  }

  @Test
  void acksOfTheCustomersMessagesAreIgnored() {
    EvolutionDelivery d =
        parse(
            "{'event':'messages.update','instance':'i','data':{'keyId':'X',"
                + "'remoteJid':'218912345678@s.whatsapp.net','fromMe':false,'status':'READ'}}");
    assertTrue(d.batch().isEmpty());
    assertEquals(0, d.skipped());
  }

  @Test
  void aNumericAckIsRead() {
    assertEquals(
        DeliveryStatus.DELIVERED,
        receipt("{'event':'messages.update','instance':'i','data':{'keyId':'X','status':3}}")
            .status());
  }

  private static IncomingReceipt receipt(String json) {
    return parse(json).batch().receipts().get(0);
  }

  @Test
  void connectionUpdatesCarryTheSessionState() {
    String c =
        "{'event':'connection.update','instance':'isp-support-01','data':{'instance':"
            + "'isp-support-01','state':'%s','statusReason':200}}";
    assertEquals(Connection.OPEN, parse(c.formatted("open")).connection().orElseThrow());
    assertEquals(Connection.CONNECTING, parse(c.formatted("connecting")).connection().get());
    assertEquals(Connection.CLOSE, parse(c.formatted("close")).connection().get());
    assertEquals(Connection.CLOSE, parse(c.formatted("refused")).connection().get());
    assertTrue(parse(c.formatted("open")).batch().isEmpty());
  }

  @Test
  void otherEventsAreReadAsEmpty() {
    EvolutionDelivery d =
        parse("{'event':'qrcode.updated','instance':'i','data':{'qrcode':{'code':'x'}}}");
    assertTrue(d.batch().isEmpty());
    assertTrue(d.connection().isEmpty());
    assertEquals(
        "messages.upsert",
        parse("{'event':'MESSAGES_UPSERT','instance':'i','data':{}}").event(),
        "the configuration's spelling is understood too");
  }

  @Test
  void garbageIsRefusedAndBrokenEntriesAreSkipped() {
    assertThrows(UnreadableEvent.class, () -> parse("not json"));
    assertThrows(UnreadableEvent.class, () -> parse("[1,2]"));
    assertThrows(UnreadableEvent.class, () -> parse("{'event':'messages.upsert'}"));
    assertThrows(UnreadableEvent.class, () -> parse("{'instance':'i','data':{}}"));
    EvolutionDelivery d =
        parse(
            "{'event':'messages.upsert','instance':'i','data':[{'key':'x'},7,"
                + "{'key':{'remoteJid':'218912345678@s.whatsapp.net','id':'ok'},"
                + "'message':{'conversation':'hi'},'messageTimestamp':'99999999999999'}]}");
    assertEquals(1, d.batch().messages().size());
    assertEquals(NOW, d.batch().messages().get(0).sentAt(), "an impossible time is the arrival");
    assertEquals(2, d.skipped());
  }
}
