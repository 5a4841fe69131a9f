package org.ispchat.platform;

import java.time.Instant;

/**
 * One area's part of retention, driven by {@link Retention}: the chat forgets and deletes what
 * people sent, the outbox what we sent. An implementation never touches a message that still waits
 * to be answered or sent, and locks the rows it takes with {@link SkipLocked}, so two nodes purging
 * at once take different rows.
 */
public interface Purge {

  /**
   * Does the next batch, in a transaction of its own: forgets the words of up to {@code batch}
   * messages from before {@code textsBefore}, or, when none is left, deletes up to {@code batch}
   * rows from before {@code rowsBefore}.
   *
   * @return what the batch did; {@link Purged#NOTHING} once nothing is left
   */
  Purged nextBatch(Instant textsBefore, Instant rowsBefore, int batch);
}
