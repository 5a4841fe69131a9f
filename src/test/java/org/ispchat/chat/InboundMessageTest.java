package org.ispchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboundMessageTest {

  private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

  private static InboundMessage received() {
    return new InboundMessage(
        new IncomingMessage(
            ChannelType.WHATSAPP,
            "wamid.1",
            "P",
            "218911",
            "Salma",
            InboundKind.TEXT,
            "my voucher is 1234567890",
            null,
            T),
        T);
  }

  @Test
  void aMessageWaitingToBeAnsweredKeepsItsText() {
    InboundMessage m = received();
    assertThrows(IllegalStateException.class, m::forgetText);
    assertEquals("my voucher is 1234567890", m.text());
    assertFalse(m.forgotten());
  }

  @Test
  void forgettingAnAnsweredMessageKeepsWhoWhenAndWhatBecameOfIt() {
    InboundMessage m = received();
    m.markDone(T);
    m.forgetText();
    assertNull(m.text());
    assertTrue(m.forgotten());
    assertEquals("218911", m.sender());
    assertEquals(InboundKind.TEXT, m.kind());
    assertEquals(InboundStatus.DONE, m.status());
    assertEquals(T, m.receivedAt());
  }

  @Test
  void forgettingAFailedMessageDropsTheErrorThatMayQuoteIt() {
    InboundMessage m = received();
    m.recordFailure("NumberFormatException: 1234567890", T, 1, java.time.Duration.ZERO);
    m.forgetText();
    assertNull(m.lastError());
  }
}
