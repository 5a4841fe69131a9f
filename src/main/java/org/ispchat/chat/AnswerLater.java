package org.ispchat.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by an {@link Answerer} whose answer needs something that is busy this instant (the billing
 * system's call limit is reached, say) and that has sent and changed nothing yet. The turn rolls
 * back and the message is tried again after {@link #delay()} without counting a failed attempt, and
 * without a worker thread waiting for it meanwhile. The answerer decides how long a message may be
 * put off; the core does not limit it.
 */
public class AnswerLater extends RuntimeException {

  private final Duration delay;

  public AnswerLater(Duration delay, String reason) {
    super(reason, null, false, false);
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  public Duration delay() {
    return delay;
  }
}
