package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a pass drives the areas: in turns, small batches, until nothing is left. */
class RetentionTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private final Retention retention = new Retention();

  RetentionTest() {
    retention.settings = RetentionSettings.read(key -> Optional.empty());
    retention.lifecycle = new Lifecycle();
  }

  /** An area that answers its scripted batches in order, then nothing. */
  static final class Area implements Purge {
    final Deque<Object> script = new ArrayDeque<>();
    final List<Instant[]> calls = new ArrayList<>();

    Area(Object... batches) {
      script.addAll(List.of(batches));
    }

    @Override
    public Purged nextBatch(Instant textsBefore, Instant rowsBefore, int batch) {
      calls.add(new Instant[] {textsBefore, rowsBefore});
      Object next = script.isEmpty() ? Purged.NOTHING : script.poll();
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return (Purged) next;
    }
  }

  @Test
  void areasTakeTurnsUntilARoundFindsNothing() {
    Area inbox = new Area(Purged.texts(500), Purged.texts(20), Purged.rows(7));
    Area outbox = new Area(Purged.texts(3));
    Purged total = retention.pass(NOW, List.of(inbox, outbox));
    assertEquals(new Purged(523, 7), total);
    assertEquals(4, inbox.calls.size(), "three batches, then one that found nothing");
    assertEquals(4, outbox.calls.size(), "asked again while the other area was still busy");
    assertEquals(NOW.minusSeconds(90L * 86400), inbox.calls.get(0)[0]);
    assertEquals(NOW.minusSeconds(400L * 86400), inbox.calls.get(0)[1]);
  }

  @Test
  void aFailingAreaIsLeftForTheNextPassAndTheOthersGoOn() {
    Area broken = new Area(new IllegalStateException("database gone"));
    Area outbox = new Area(Purged.rows(2), Purged.rows(1));
    assertEquals(Purged.rows(3), retention.pass(NOW, List.of(broken, outbox)));
    assertEquals(1, broken.calls.size());
  }

  @Test
  void aStoppingDeploymentTakesNoFurtherBatch() {
    Area inbox = new Area(Purged.texts(500), Purged.texts(500));
    retention.lifecycle.beginStop();
    assertEquals(Purged.NOTHING, retention.pass(NOW, List.of(inbox)));
    assertEquals(0, inbox.calls.size());
  }
}
