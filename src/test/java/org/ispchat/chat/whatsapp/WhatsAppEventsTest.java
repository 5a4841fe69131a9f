package org.ispchat.chat.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    assertEquals("more than 24 hours", failed.errorDetail());
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
