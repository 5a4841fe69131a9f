package org.ispchat.chat;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.platform.Lifecycle;
import org.ispchat.platform.UniqueViolation;
import org.ispchat.platform.Workers;

/**
 * The durable front door for everything channels deliver. A webhook request hands its batch here
 * and waits; a writer thread stores the batches of many concurrent requests in one transaction
 * (group commit) and releases each request only after that commit. One commit per request tops out
 * far below what the HTTP layer takes; one commit for many keeps "stored before 200" without that
 * ceiling.
 */
@ApplicationScoped
public class MessageIntake {

  private static final Logger LOG = Logger.getLogger(MessageIntake.class.getName());
  private static final int MAX_ROWS_PER_COMMIT = 500;

  @Inject IntakeStore store;
  @Inject IntakeSettings settings;
  @Inject Workers workers;
  @Inject Event<IntakeCommitted> committed;
  @Inject Lifecycle lifecycle;

  private LinkedBlockingQueue<Delivery> queue;

  private record Delivery(IncomingBatch batch, CompletableFuture<Void> stored) {}

  /**
   * The writers start with the first delivery (webhooks are taken from the moment the application
   * answers HTTP); when the application stops they write what is already queued, then end.
   */
  @PostConstruct
  void start() {
    queue = new LinkedBlockingQueue<>(settings.queueCapacity());
    ExecutorService writers = workers.pool("intake", settings.writers());
    for (int i = 0; i < Math.max(1, settings.writers()); i++) {
      writers.execute(this::writeLoop);
    }
  }

  /**
   * Returns once the batch is committed (or was already stored earlier).
   *
   * @throws IntakeUnavailable when that cannot be confirmed in time; nothing may be acknowledged
   */
  public void accept(IncomingBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    Delivery delivery = new Delivery(batch, new CompletableFuture<>());
    if (lifecycle.stopping() || !queue.offer(delivery)) {
      throw new IntakeUnavailable("intake queue is full or stopping", null);
    }
    try {
      delivery.stored().get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntakeUnavailable("interrupted while waiting for the commit", e);
    } catch (ExecutionException e) {
      throw new IntakeUnavailable("the database did not take the delivery", e.getCause());
    } catch (TimeoutException e) {
      // The commit may still happen; the provider's re-delivery is then dropped as a duplicate.
      throw new IntakeUnavailable("the commit did not finish in time", e);
    }
  }

  private void writeLoop() {
    while (true) {
      List<Delivery> group = new ArrayList<>();
      try {
        Delivery first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (lifecycle.stopping()) {
            break; // nothing queued is left behind: the queue is empty and takes no more
          }
          continue;
        }
        group.add(first);
        int rows = first.batch().size();
        Delivery next;
        while (rows < MAX_ROWS_PER_COMMIT && (next = queue.poll()) != null) {
          group.add(next);
          rows += next.batch().size();
        }
        write(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        group.forEach(d -> d.stored().completeExceptionally(e));
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Intake writer failed; its deliveries are refused", e);
        group.forEach(d -> d.stored().completeExceptionally(e));
      }
    }
    Delivery left;
    while ((left = queue.poll()) != null) {
      // Offered in the instant before the stop; not stored, so the request answers 503 and Meta
      // delivers it again.
      left.stored().completeExceptionally(new IllegalStateException("shutting down"));
    }
  }

  private void write(List<Delivery> group) {
    Set<ChatKey> chats = new HashSet<>();
    boolean receipts = group.stream().anyMatch(d -> !d.batch().receipts().isEmpty());
    try {
      chats.addAll(store.storeAll(group.stream().map(Delivery::batch).toList()));
      group.forEach(d -> d.stored().complete(null));
    } catch (RuntimeException groupFailed) {
      // Most likely another node stored one of these at the same moment; store each on its own so
      // one conflict does not fail the others.
      for (Delivery d : group) {
        try {
          chats.addAll(store.storeAlone(d.batch()));
          d.stored().complete(null);
        } catch (RuntimeException e) {
          if (UniqueViolation.causes(e)) {
            LOG.log(
                Level.INFO,
                "A delivery of {0} message(s) was stored by another node at the same moment;"
                    + " acknowledged without storing it again",
                d.batch().messages().size());
            d.stored().complete(null);
          } else {
            d.stored().completeExceptionally(e);
          }
        }
      }
    }
    if (!chats.isEmpty() || receipts) {
      try {
        committed.fire(new IntakeCommitted(chats, receipts));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not start processing at once; the sweep will", e);
      }
    }
  }
}
