package org.ispchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntakeSettingsTest {

  @Test
  void failedMessagesBackOffExponentiallyUpToFiveMinutes() {
    IntakeSettings s =
        new IntakeSettings(1, 10, Duration.ofSeconds(10), 4, 5, Duration.ofSeconds(2));
    assertEquals(Duration.ofSeconds(2), s.backoffAfter(1));
    assertEquals(Duration.ofSeconds(4), s.backoffAfter(2));
    assertEquals(Duration.ofSeconds(16), s.backoffAfter(4));
    assertEquals(Duration.ofMinutes(5), s.backoffAfter(30));
  }

  @Test
  void aMessageIsGivenUpAfterTheLastAttempt() {
    var m =
        new InboundMessage(
            new IncomingMessage(
                ChannelType.WHATSAPP,
                "w",
                "P",
                "1",
                null,
                InboundKind.TEXT,
                "x",
                null,
                java.time.Instant.EPOCH),
            java.time.Instant.EPOCH);
    for (int i = 1; i < 3; i++) {
      m.recordFailure("boom", java.time.Instant.EPOCH, 3, Duration.ofSeconds(1));
      assertEquals(InboundStatus.PENDING, m.status());
    }
    m.recordFailure("boom", java.time.Instant.EPOCH, 3, Duration.ofSeconds(1));
    assertEquals(InboundStatus.FAILED, m.status());
    assertEquals("boom", m.lastError());
  }
}
