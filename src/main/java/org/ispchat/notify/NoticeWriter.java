package org.ispchat.notify;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.platform.ApiFailure;
import org.ispchat.platform.Lifecycle;
import org.ispchat.platform.Workers;

/**
 * Stores the notices of many concurrent requests in one transaction (group commit), and answers
 * each request only after that commit: one commit per notice caps a node at a few hundred notices a
 * second on embedded H2 (docs/benchmark.md), and with a thread per request holding a database
 * connection while a new customer's chat is opened on another, forty requests at once could take
 * every pooled connection. Here one writer thread uses the database for all of them.
 *
 * <p>A group that fails as a whole (another node locked a chat too long, a duplicate key) is stored
 * again one notice at a time, so one bad notice never refuses the others.
 */
@ApplicationScoped
public class NoticeWriter {

  private static final Logger LOG = Logger.getLogger(NoticeWriter.class.getName());

  @Inject Notifications notifications;
  @Inject NotifySettings settings;
  @Inject Workers workers;
  @Inject Lifecycle lifecycle;

  private LinkedBlockingQueue<Waiting> queue;

  private record Waiting(
      Notifications.Pending pending, CompletableFuture<Notifications.Outcome> done) {}

  @PostConstruct
  void start() {
    queue = new LinkedBlockingQueue<>(settings.queueCapacity());
    workers.pool("notices", 1).execute(this::writeLoop);
  }

  /**
   * Returns once the notice is committed (or found to repeat an earlier one).
   *
   * @throws BadRequest for a notice the contract refuses (a template that does not fit)
   * @throws ApiFailure 500 when storing it cannot be confirmed in time; a retry is safe
   */
  public Notifications.Accepted accept(Notifications.Pending pending) {
    Waiting waiting = new Waiting(pending, new CompletableFuture<>());
    if (lifecycle.stopping() || !queue.offer(waiting)) {
      throw new ApiFailure(
          500, "ispchat is too busy or stopping; nothing was stored. Please retry shortly.");
    }
    Notifications.Outcome outcome;
    try {
      outcome = waiting.done().get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw notStored(e);
    } catch (ExecutionException e) {
      throw notStored(e.getCause());
    } catch (TimeoutException e) {
      // It may still be committed; a retry then answers the same message id.
      throw notStored(e);
    }
    if (outcome.refused() != null) {
      throw outcome.refused();
    }
    return outcome.accepted();
  }

  private static ApiFailure notStored(Throwable cause) {
    LOG.log(Level.WARNING, "A notification could not be stored", cause);
    return new ApiFailure(
        500, "The notification could not be stored; nothing was sent. Please retry.");
  }

  private void writeLoop() {
    while (true) {
      List<Waiting> group = new ArrayList<>();
      try {
        Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (lifecycle.stopping()) {
            break;
          }
          continue;
        }
        group.add(first);
        queue.drainTo(group, settings.groupSize() - 1);
        write(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        group.forEach(w -> w.done().completeExceptionally(e));
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Notice writer failed; its requests are refused", e);
        group.forEach(w -> w.done().completeExceptionally(e));
      }
    }
    Waiting left;
    while ((left = queue.poll()) != null) {
      left.done().completeExceptionally(new IllegalStateException("shutting down"));
    }
  }

  private void write(List<Waiting> group) {
    try {
      List<Notifications.Outcome> outcomes =
          notifications.acceptAll(group.stream().map(Waiting::pending).toList());
      for (int i = 0; i < group.size(); i++) {
        group.get(i).done().complete(outcomes.get(i));
      }
    } catch (RuntimeException groupFailed) {
      if (group.size() > 1) {
        LOG.log(
            Level.INFO,
            "A group of {0} notices failed together ({1}); storing them one by one",
            new Object[] {group.size(), groupFailed.toString()});
      }
      for (Waiting w : group) {
        try {
          w.done().complete(notifications.acceptAll(List.of(w.pending())).get(0));
        } catch (RuntimeException e) {
          w.done().completeExceptionally(e);
        }
      }
    }
  }
}
