package org.ispchat.chat.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.ispchat.chat.DeliveryStatus;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.IncomingBatch;
import org.ispchat.chat.IncomingMessage;
import org.junit.jupiter.api.Test;

/** Payloads shaped like the reference examples (messaging-apis.md A.3). */
class WhatsAppEventsTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private static String envelope(String value) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":"
        + "[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
        + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
        + value
        + "}}]}]}";
  }

  private static IncomingBatch parse(String json) {
    return read(json).batch();
  }

  private static WhatsAppDelivery read(String json) {
    return WhatsAppEvents.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
  }

  @Test
  void readsATextMessage() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"contacts\":[{\"profile\":{\"name\":\"Ana Pereira\"},\"wa_id\":\"5511987654321\"}],"
                    + "\"messages\":[{\"from\":\"5511987654321\",\"id\":\"wamid.A\",\"timestamp\":\"1749416383\","
                    + "\"type\":\"text\",\"text\":{\"body\":\"My internet is down\"}}]"));
    assertEquals(1, batch.messages().size());
    IncomingMessage m = batch.messages().get(0);
    assertEquals("wamid.A", m.providerMessageId());
    assertEquals("5511987654321", m.sender());
    assertEquals("Ana Pereira", m.senderName());
    assertEquals("106540352242922", m.businessNumber());
    assertEquals(InboundKind.TEXT, m.kind());
    assertEquals("My internet is down", m.text());
    assertEquals(Instant.ofEpochSecond(1749416383), m.sentAt());
  }

  @Test
  void readsListAndButtonRepliesAsChoices() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"messages\":[{\"from\":\"1\",\"id\":\"w1\",\"timestamp\":\"1\",\"type\":\"interactive\","
                    + "\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"menu.balance\",\"title\":\"Balance\"}}},"
                    + "{\"from\":\"1\",\"id\":\"w2\",\"timestamp\":\"2\",\"type\":\"interactive\","
                    + "\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"plan.confirm\",\"title\":\"Confirm\"}}},"
                    + "{\"from\":\"1\",\"id\":\"w3\",\"timestamp\":\"3\",\"type\":\"button\","
                    + "\"button\":{\"payload\":\"pay-now\",\"text\":\"Pay now\"}}]"));
    assertEquals(3, batch.messages().size());
    assertEquals("menu.balance", batch.messages().get(0).choiceId());
    assertEquals("plan.confirm", batch.messages().get(1).choiceId());
    assertEquals("pay-now", batch.messages().get(2).choiceId());
    batch.messages().forEach(m -> assertEquals(InboundKind.CHOICE, m.kind()));
  }

  @Test
  void mediaAndUnknownTypesAreKeptSoTheyCanBeAnswered() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"messages\":[{\"from\":\"1\",\"id\":\"w1\",\"timestamp\":\"1\",\"type\":\"image\",\"image\":{\"id\":\"9\"}},"
                    + "{\"from\":\"1\",\"id\":\"w2\",\"timestamp\":\"2\",\"type\":\"unsupported\"},"
                    + "{\"from\":\"1\",\"id\":\"w3\",\"timestamp\":\"3\",\"type\":\"reaction\",\"reaction\":{\"emoji\":\"👍\"}}]"));
    assertEquals(2, batch.messages().size(), "a reaction is not a request to the bot");
    assertEquals(InboundKind.MEDIA, batch.messages().get(0).kind());
    assertEquals(InboundKind.UNSUPPORTED, batch.messages().get(1).kind());
  }

  @Test
  void readsStatusesWithErrorsAndCorrelation() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"statuses\":[{\"id\":\"wamid.S\",\"status\":\"failed\",\"timestamp\":\"1749420001\","
                    + "\"recipient_id\":\"5511987654321\",\"biz_opaque_callback_data\":\"ob-42\","
                    + "\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\","
                    + "\"error_data\":{\"details\":\"more than 24 hours\"}}]},"
                    + "{\"id\":\"wamid.T\",\"status\":\"read\",\"timestamp\":\"1749420002\"},"
                    + "{\"id\":\"wamid.U\",\"status\":\"deleted\",\"timestamp\":\"1749420003\"}]"));
    assertEquals(2, batch.receipts().size(), "statuses that move nothing are dropped");
    var failed = batch.receipts().get(0);
    assertEquals(DeliveryStatus.FAILED, failed.status());
    assertEquals("131047", failed.errorCode());
    assertEquals(
        "More than 24 hours since the customer last wrote: WhatsApp accepts only an approved"
            + " template now. (WhatsApp: more than 24 hours)",
        failed.errorDetail(),
        "a known code is explained in plain words, Meta's own words kept after them");
    assertEquals("ob-42", failed.correlation());
    assertEquals(DeliveryStatus.READ, batch.receipts().get(1).status());
  }

  @Test
  void iteratesEveryEntryAndChangeAndIgnoresUnknownFields() {
    String json =
        "{\"object\":\"whatsapp_business_account\",\"brand_new\":true,\"entry\":["
            + "{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"P\"},"
            + "\"messages\":[{\"from\":\"1\",\"id\":\"a\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\",\"new\":1}}]}},"
            + "{\"field\":\"account_update\",\"value\":{\"event\":\"X\"}}]},"
            + "{\"id\":\"2\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"P\"},"
            + "\"messages\":[{\"from\":\"2\",\"id\":\"b\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"y\"}}]}}]}]}";
    assertEquals(2, parse(json).messages().size());
  }

  @Test
  void aMessageWithoutIdIsSkippedNotItsNeighbours() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"messages\":[{\"from\":\"1\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
                    + "{\"from\":\"1\",\"id\":\"ok\",\"timestamp\":\"bogus\",\"type\":\"text\",\"text\":{\"body\":\"y\"}}]"));
    assertEquals(1, batch.messages().size());
    assertEquals(NOW, batch.messages().get(0).sentAt(), "an unreadable timestamp falls back");
  }

  @Test
  void senderWithoutPhoneNumberIsTakenFromTheBusinessScopedUserId() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"contacts\":[{\"profile\":{\"name\":\"U\"},\"user_id\":\"US.13491208655302741918\"}],"
                    + "\"messages\":[{\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]"));
    assertEquals("US.13491208655302741918", batch.messages().get(0).sender());
  }

  @Test
  void malformedBodiesAreRefused() {
    assertThrows(MalformedWebhook.class, () -> parse("{\"entry\": ["));
    assertThrows(MalformedWebhook.class, () -> parse("[1,2]"));
    assertThrows(MalformedWebhook.class, () -> parse("{\"entry\": \"nope\"}"));
    assertThrows(MalformedWebhook.class, () -> parse(""));
  }

  @Test
  void objectsOtherThanABusinessAccountAreRefused() {
    assertThrows(MalformedWebhook.class, () -> parse("{\"object\":\"page\",\"entry\":[]}"));
    assertThrows(MalformedWebhook.class, () -> parse("{\"object\":7,\"entry\":[]}"));
    assertThrows(MalformedWebhook.class, () -> parse("{\"entry\":[]}"));
  }

  @Test
  void bodiesBeyondTheParsersLimitsAreRefusedNotFailed() {
    String deep = "[".repeat(2000) + "]".repeat(2000);
    assertThrows(
        MalformedWebhook.class,
        () -> parse("{\"object\":\"whatsapp_business_account\",\"x\":" + deep + "}"));
    String longNumber = "1".repeat(5000);
    assertThrows(
        MalformedWebhook.class,
        () -> parse("{\"object\":\"whatsapp_business_account\",\"x\":" + longNumber + "}"));
  }

  @Test
  void statusWithoutRecipientIsStoredAndItsSiblingsToo() {
    WhatsAppDelivery delivery =
        read(
            envelope(
                "\"messages\":[{\"from\":\"1\",\"id\":\"m\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}],"
                    + "\"statuses\":[{\"id\":\"wamid.NoRecipient\",\"status\":\"delivered\",\"timestamp\":\"1\"},"
                    + "{\"id\":\"wamid.NullRecipient\",\"status\":\"read\",\"timestamp\":\"1\",\"recipient_id\":null},"
                    + "{\"id\":\"\",\"status\":\"read\",\"timestamp\":\"1\",\"recipient_id\":\"1\"},"
                    + "{\"id\":null,\"status\":\"read\",\"timestamp\":\"1\",\"recipient_id\":\"1\"},"
                    + "{\"status\":\"read\",\"timestamp\":\"1\",\"recipient_id\":\"\"}]"));
    assertEquals(
        List.of("wamid.NoRecipient", "wamid.NullRecipient"),
        delivery.batch().receipts().stream().map(r -> r.providerMessageId()).toList());
    assertEquals(1, delivery.batch().messages().size());
    assertEquals(3, delivery.skipped());
    assertEquals(
        "entry[0].changes[0].value.statuses[2]: no usable id", delivery.firstSkipped().get(0));
  }

  @Test
  void messageWithEmptyOrMissingSenderIsSkippedAndItsSiblingsStored() {
    WhatsAppDelivery delivery =
        read(
            envelope(
                "\"contacts\":[{\"wa_id\":\"1\"},{\"wa_id\":\"2\"}],"
                    + "\"messages\":[{\"from\":\"\",\"id\":\"a\",\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
                    + "{\"from\":null,\"id\":\"b\",\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
                    + "{\"from\":\"  \",\"id\":\"c\",\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
                    + "{\"from\":\"2\",\"id\":\"d\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}]"));
    assertEquals(1, delivery.batch().messages().size(), "two contacts: the sender is not known");
    assertEquals("2", delivery.batch().messages().get(0).sender());
    assertEquals(3, delivery.skipped());
    assertEquals(
        "entry[0].changes[0].value.messages[0] a: no sender", delivery.firstSkipped().get(0));
  }

  @Test
  void messagesWithoutUsableIdsOrBusinessNumberAreSkipped() {
    String longId = "w".repeat(IncomingMessage.MAX_ID_LENGTH + 1);
    WhatsAppDelivery delivery =
        read(
            envelope(
                "\"messages\":[{\"from\":\"1\",\"id\":\"\",\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
                    + "{\"from\":\"1\",\"id\":{\"a\":1},\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
                    + "{\"from\":\"1\",\"id\":\""
                    + longId
                    + "\",\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
                    + "{\"from\":\"1\",\"id\":\"ok\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}]"));
    assertEquals(1, delivery.batch().messages().size());
    assertEquals(3, delivery.skipped());

    WhatsAppDelivery noNumber =
        read(
            envelope("\"x\":1")
                .replace("\"phone_number_id\":\"106540352242922\"", "\"phone_number_id\":[]")
                .replace(
                    "\"x\":1",
                    "\"messages\":[{\"from\":\"1\",\"id\":\"m\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}],"
                        + "\"statuses\":[{\"id\":\"s\",\"status\":\"sent\"}]"));
    assertTrue(noNumber.batch().messages().isEmpty());
    assertEquals(1, noNumber.batch().receipts().size(), "a receipt needs no business number");
    assertEquals(1, noNumber.skipped());
  }

  @Test
  void wrongTypedSiblingDoesNotSinkTheOthers() {
    WhatsAppDelivery delivery =
        read(
            envelope(
                "\"contacts\":\"nope\",\"statuses\":{\"id\":\"s\"},"
                    + "\"messages\":[7,\"x\",null,[],{\"from\":\"1\",\"id\":\"ok\",\"timestamp\":\"1\","
                    + "\"type\":\"interactive\",\"interactive\":[1],\"text\":\"not an object\"}]"));
    assertEquals(1, delivery.batch().messages().size());
    assertEquals(InboundKind.UNSUPPORTED, delivery.batch().messages().get(0).kind());
    assertNull(delivery.batch().messages().get(0).senderName());
    assertEquals(5, delivery.skipped(), "statuses not an array, four messages not objects");
  }

  @Test
  void entriesAndChangesOfTheWrongShapeAreSkippedNotTheirNeighbours() {
    String good =
        "{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"P\"},"
            + "\"messages\":[{\"from\":\"1\",\"id\":\"a\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}]}}";
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[1,{\"changes\":\"x\"},{\"changes\":["
            + "{\"field\":\"messages\",\"value\":[]},{\"value\":{}},{\"field\":true},\"c\","
            + good
            + "]}]}";
    WhatsAppDelivery delivery = read(json);
    assertEquals(1, delivery.batch().messages().size());
    assertEquals(6, delivery.skipped());
    assertEquals(
        List.of(
            "entry[0]: not an object",
            "entry[1].changes: not an array",
            "entry[2].changes[0]: value is not an object",
            "entry[2].changes[1]: no field",
            "entry[2].changes[2]: no field",
            "entry[2].changes[3]: not an object"),
        delivery.firstSkipped());

    WhatsAppDelivery noEntries = read("{\"object\":\"whatsapp_business_account\",\"entry\":{}}");
    assertTrue(noEntries.batch().isEmpty());
    assertEquals(1, noEntries.skipped());
  }

  @Test
  void impossibleTimestampsFallBackToTheArrivalTime() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"statuses\":[{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":\"-5\"},"
                    + "{\"id\":\"b\",\"status\":\"sent\",\"timestamp\":\"99999999999999\"},"
                    + "{\"id\":\"c\",\"status\":\"sent\",\"timestamp\":1e300},"
                    + "{\"id\":\"d\",\"status\":\"sent\",\"timestamp\":1.5},"
                    + "{\"id\":\"e\",\"status\":\"sent\",\"timestamp\":{}},"
                    + "{\"id\":\"f\",\"status\":\"sent\",\"timestamp\":1749420001}]"));
    assertEquals(6, batch.receipts().size());
    batch.receipts().subList(0, 5).forEach(r -> assertEquals(NOW, r.reportedAt(), r.toString()));
    assertEquals(Instant.ofEpochSecond(1749420001), batch.receipts().get(5).reportedAt());
  }

  @Test
  void choiceWithoutAnIdIsAnsweredLikeAnUnknownType() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"messages\":[{\"from\":\"1\",\"id\":\"a\",\"type\":\"interactive\","
                    + "\"interactive\":{\"list_reply\":{\"id\":\"\",\"title\":\"T\"}}},"
                    + "{\"from\":\"1\",\"id\":\"b\",\"type\":\"button\",\"button\":{\"payload\":9}}]"));
    assertEquals(InboundKind.UNSUPPORTED, batch.messages().get(0).kind());
    assertNull(batch.messages().get(0).text());
    assertEquals(InboundKind.CHOICE, batch.messages().get(1).kind());
    assertEquals("9", batch.messages().get(1).choiceId());
  }

  @Test
  void nulCharactersAreDroppedBecauseNoDatabaseColumnTakesThem() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"messages\":[{\"from\":\"1\",\"id\":\"a\",\"type\":\"text\","
                    + "\"text\":{\"body\":\"in\\u0000ternet\"}}]"));
    assertEquals("internet", batch.messages().get(0).text());
  }

  @Test
  void emptyTextIsNotAText() {
    IncomingBatch batch =
        parse(
            envelope(
                "\"messages\":[{\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{}}]"));
    assertEquals(InboundKind.UNSUPPORTED, batch.messages().get(0).kind());
    assertNull(batch.messages().get(0).text());
    assertTrue(batch.receipts().isEmpty());
  }
}
