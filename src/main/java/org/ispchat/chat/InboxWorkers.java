package org.ispchat.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.platform.BackgroundStarted;
import org.ispchat.platform.Causes;
import org.ispchat.platform.Lifecycle;
import org.ispchat.platform.LockConflict;
import org.ispchat.platform.Workers;

/**
 * Answers stored messages off the request thread: one chat at a time, in the order the person sent
 * them, many chats in parallel. Work arrives two ways: a nudge right after the intake commits (fast
 * path) and a periodic sweep of the database (after a restart, for another node's leftovers, for
 * retries that became due). The chat row lock taken by {@link Turns#takeTurn} keeps two nodes from
 * answering one person at once; the in-memory set below only saves this node from racing itself.
 *
 * <p>Works only while the {@link Lifecycle} says so: nothing before the deployment is complete, no
 * new turn once undeployment has begun (the turn under way finishes or rolls back).
 */
@ApplicationScoped
public class InboxWorkers {

  private static final Logger LOG = Logger.getLogger(InboxWorkers.class.getName());

  @Inject Turns turns;
  @Inject ChatRepository chats;
  @Inject IntakeSettings settings;
  @Inject Workers workers;
  @Inject Lifecycle lifecycle;
  @Inject Clock clock;

  private volatile ExecutorService pool;
  private volatile ScheduledExecutorService later;
  private final Set<ChatKey> running = ConcurrentHashMap.newKeySet();
  private final Set<ChatKey> askedAgain = ConcurrentHashMap.newKeySet();

  void onStart(@Observes BackgroundStarted started) {
    if (settings.workers() > 0) {
      pool = workers.pool("inbox", settings.workers());
      later = workers.scheduler("inbox-later");
      sweep();
    } else {
      LOG.info("ispchat.inbound.workers=0: this node stores messages but does not answer them");
    }
  }

  void onIntake(@Observes IntakeCommitted committed) {
    committed.chats().forEach(this::nudge);
  }

  /** Looks for waiting messages in the database; the timer calls this every few seconds. */
  public void sweep() {
    if (pool == null || !lifecycle.running()) {
      return;
    }
    chats.chatsWithDueMessages(clock.instant(), 1000).forEach(this::nudge);
  }

  public void nudge(ChatKey key) {
    ExecutorService p = pool;
    if (p == null || !lifecycle.running()) {
      return;
    }
    if (running.add(key)) {
      try {
        p.execute(() -> drain(key));
      } catch (RejectedExecutionException stopping) {
        running.remove(key);
      }
    } else {
      askedAgain.add(key);
    }
  }

  private void drain(ChatKey key) {
    try {
      boolean more = true;
      while (more && lifecycle.running()) {
        more = takeOneTurn(key);
      }
    } finally {
      running.remove(key);
      if (askedAgain.remove(key)) {
        nudge(key);
      }
    }
  }

  /**
   * The message waits in the database (so the sweep finds it even if this node stops), and a nudge
   * is scheduled for when it is due, so no worker sits waiting for it.
   */
  private void putOff(ChatKey key, AnswerLater busy) {
    try {
      turns.postpone(key, busy.delay());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Could not put off a message in chat {0}; the sweep retries", key);
      return;
    }
    ScheduledExecutorService s = later;
    if (s != null && lifecycle.running()) {
      try {
        s.schedule(() -> nudge(key), busy.delay().toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopping) {
        // Stopping: the message waits in the database for the next node or start.
      }
    }
  }

  /** Returns true while the chat may have another message ready now. */
  private boolean takeOneTurn(ChatKey key) {
    try {
      return turns.takeTurn(key) == Turns.Outcome.ANSWERED_MORE_WAITING;
    } catch (AnswerLater busy) {
      putOff(key, busy);
      return false;
    } catch (RuntimeException e) {
      if (LockConflict.causes(e)) {
        // Another node is answering this person right now; the sweep comes back to it.
        return false;
      }
      if (!lifecycle.running()) {
        // Undeploying: the failure is most likely the shutdown itself; the message stays waiting.
        return false;
      }
      LOG.log(Level.WARNING, e, () -> "Answering a message in chat " + key + " failed");
      try {
        turns.recordFailure(key, Causes.rootText(e));
        return true;
      } catch (RuntimeException again) {
        LOG.log(Level.WARNING, "Could not record the failure; the sweep retries", again);
        return false;
      }
    }
  }
}
