package org.ispchat.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Chat;
import org.ispchat.chat.ChatKey;
import org.ispchat.chat.DeliveryStatus;
import org.ispchat.chat.Reply;
import org.junit.jupiter.api.Test;

class OutboundMessageTest {

  private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

  private final Chat chat = new Chat(new ChatKey(ChannelType.WHATSAPP, "218911"), T);

  private OutboundMessage sent() {
    OutboundMessage m = new OutboundMessage(chat, "P", "wamid.in", new Reply.Text("hi"), T);
    m.claim(T, T.plusSeconds(60));
    m.accepted("wamid.out", T);
    return m;
  }

  @Test
  void repliesTakeTheChatsNextSequence() {
    OutboundMessage first = new OutboundMessage(chat, "P", null, new Reply.Text("a"), T);
    OutboundMessage second = new OutboundMessage(chat, "P", null, new Reply.Text("b"), T);
    assertEquals(first.sequence() + 1, second.sequence());
    assertEquals("218911", second.recipient());
  }

  @Test
  void statusOnlyMovesForward() {
    OutboundMessage m = sent();
    assertTrue(m.applyReceipt(DeliveryStatus.READ, "wamid.out", T, null, null, T));
    assertFalse(m.applyReceipt(DeliveryStatus.DELIVERED, "wamid.out", T, null, null, T));
    assertFalse(m.applyReceipt(DeliveryStatus.SENT, "wamid.out", T, null, null, T));
    assertEquals(OutboxStatus.READ, m.status());
    assertEquals(T, m.readAt());
    assertEquals(T, m.deliveredAt(), "read implies delivered when only read was reported");
  }

  @Test
  void failureAfterDeliveryIsIgnored() {
    OutboundMessage m = sent();
    m.applyReceipt(DeliveryStatus.DELIVERED, "wamid.out", T, null, null, T);
    assertFalse(m.applyReceipt(DeliveryStatus.FAILED, "wamid.out", T, "131026", "x", T));
    assertEquals(OutboxStatus.DELIVERED, m.status());
  }

  @Test
  void deliveryAfterFailureWinsBecauseItProvesDelivery() {
    OutboundMessage m = sent();
    m.applyReceipt(DeliveryStatus.FAILED, "wamid.out", T, "131026", "undeliverable", T);
    assertEquals(OutboxStatus.FAILED, m.status());
    assertEquals("131026", m.errorCode());
    m.applyReceipt(DeliveryStatus.DELIVERED, "wamid.out", T, null, null, T);
    assertEquals(OutboxStatus.DELIVERED, m.status());
  }

  @Test
  void receiptBeforeTheSendIsRecordedKeepsItsProgress() {
    OutboundMessage m = new OutboundMessage(chat, "P", null, new Reply.Text("hi"), T);
    m.claim(T, T.plusSeconds(60));
    m.applyReceipt(DeliveryStatus.DELIVERED, "wamid.out", T, null, null, T);
    m.accepted("wamid.out", T);
    assertEquals(OutboxStatus.DELIVERED, m.status());
    assertEquals("wamid.out", m.providerMessageId());
  }

  @Test
  void retryGoesBackToTheQueueAndCountsAttempts() {
    OutboundMessage m = new OutboundMessage(chat, "P", null, new Reply.Text("hi"), T);
    m.claim(T, T.plusSeconds(60));
    m.retryAt(T.plusSeconds(2), "http-500", "boom", T);
    assertEquals(OutboxStatus.QUEUED, m.status());
    assertEquals(T.plusSeconds(2), m.nextAttemptAt());
    m.claim(T, T.plusSeconds(60));
    assertEquals(2, m.attempts());
  }

  @Test
  void aFinishedMessageCannotBeClaimed() {
    OutboundMessage m = sent();
    assertThrows(IllegalStateException.class, () -> m.claim(T, T.plusSeconds(60)));
  }

  @Test
  void theStoredReplyReadsBack() {
    Reply menu =
        new Reply.Menu(
            "Choose",
            "Menu",
            java.util.List.of(new Reply.Option("menu.balance", "Balance", "Check balance")));
    assertEquals(menu, new OutboundMessage(chat, "P", null, menu, T).reply());
  }

  @Test
  void aClaimGivenBackUntriedIsQueuedAtOnceWithoutCountingAnAttempt() {
    OutboundMessage m = new OutboundMessage(chat, "P", null, new Reply.Text("a"), T);
    m.claim(T, T.plusSeconds(120));
    m.release(T.plusSeconds(1));
    assertEquals(OutboxStatus.QUEUED, m.status());
    assertEquals(0, m.attempts());
    assertEquals(T.plusSeconds(1), m.nextAttemptAt());
    m.claim(T.plusSeconds(2), T.plusSeconds(122));
    m.accepted("wamid.out", T.plusSeconds(3));
    m.release(T.plusSeconds(4));
    assertEquals(OutboxStatus.SENT, m.status(), "a recorded send is never given back");
  }

  @Test
  void aReplyWaitingToBeSentKeepsItsText() {
    OutboundMessage queued = new OutboundMessage(chat, "P", null, new Reply.Text("hi"), T);
    assertThrows(IllegalStateException.class, queued::forgetText);
    queued.claim(T, T.plusSeconds(60));
    assertThrows(IllegalStateException.class, queued::forgetText);
    assertEquals(new Reply.Text("hi"), queued.reply());
  }

  @Test
  void aForgottenReplyStillMovesForwardButCannotBeReadBack() {
    OutboundMessage m = sent();
    m.forgetText();
    assertTrue(m.forgotten());
    assertThrows(IllegalStateException.class, m::reply);
    assertTrue(m.applyReceipt(DeliveryStatus.DELIVERED, "wamid.out", T, null, null, T));
    assertEquals(OutboxStatus.DELIVERED, m.status());
    assertEquals("text", m.kind());
  }
}
