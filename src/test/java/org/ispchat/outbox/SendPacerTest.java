package org.ispchat.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendPacerTest {

  @Test
  void spacesSendsFromOneNumberAtTheConfiguredRate() {
    AtomicLong clock = new AtomicLong(0);
    SendPacer pacer = new SendPacer(80, clock::get);
    long interval = 1_000_000_000L / 80;
    assertEquals(0, pacer.reserve("A"));
    assertEquals(interval, pacer.reserve("A"));
    assertEquals(2 * interval, pacer.reserve("A"));
    assertEquals(0, pacer.reserve("B"), "another number has its own pace");
    clock.set(10 * interval);
    assertEquals(0, pacer.reserve("A"), "idle time is not saved up into a burst beyond one slot");
  }
}
