package org.ispchat.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.Channel;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.SendResult;
import org.ispchat.platform.BackgroundStarted;
import org.ispchat.platform.Backoff;
import org.ispchat.platform.CoalescingTask;
import org.ispchat.platform.Lifecycle;
import org.ispchat.platform.Workers;

/**
 * Sends what the outbox holds. One coordinating pass at a time claims as many messages as there are
 * free senders; each sender waits for its number's pacing slot, sends through the channel, and
 * records the result, after which the next message to that person becomes claimable. A pass starts
 * right after replies are committed, after each send, and every second from the timer.
 */
@ApplicationScoped
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  @Inject OutboxStore store;
  @Inject OutboxSettings settings;
  @Inject Workers workers;
  @Inject @Any Instance<Channel> channelBeans;
  @Inject Lifecycle lifecycle;

  private final Map<ChannelType, Channel> channels = new EnumMap<>(ChannelType.class);
  private ExecutorService senders;
  private Semaphore free;
  private CoalescingTask pass;
  private SendPacer pacer;
  private Backoff backoff;

  @PostConstruct
  void start() {
    channelBeans.forEach(c -> channels.put(c.type(), c));
    pacer = new SendPacer(settings.sendsPerSecond(), System::nanoTime);
    Random random = new Random();
    backoff = new Backoff(settings.retryBase(), settings.retryCap(), random::nextDouble);
    if (settings.senders() <= 0) {
      LOG.info("ispchat.outbox.senders=0: this node queues replies but does not send them");
      return;
    }
    senders = workers.pool("outbox senders", settings.senders());
    free = new Semaphore(settings.senders());
    pass =
        new CoalescingTask(
            "outbox dispatch", workers.pool("outbox dispatch", 1), this::claimAndSend);
  }

  void onStart(@Observes BackgroundStarted started) {
    wake();
  }

  void onFilled(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxFilled filled) {
    wake();
  }

  public void wake() {
    if (pass != null && lifecycle.running()) {
      pass.request();
    }
  }

  private void claimAndSend() {
    while (lifecycle.running()) {
      int capacity = free.availablePermits();
      if (capacity == 0) {
        return; // a finishing send wakes us
      }
      List<Claim> claims = store.claim(capacity);
      for (Claim claim : claims) {
        free.acquireUninterruptibly();
        try {
          senders.execute(() -> sendAndRecord(claim));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
          free.release();
          return; // the lease expires and the message is sent after the restart
        }
      }
      if (claims.size() < capacity) {
        return;
      }
    }
  }

  private void sendAndRecord(Claim claim) {
    try {
      pacer.await(claim.businessNumber());
      if (!lifecycle.running()) {
        // Stopping: a send not yet begun goes back to the queue for the next node or deployment,
        // rather than waiting out its lease.
        store.release(claim.id());
        return;
      }
      SendResult result = send(claim);
      if (lifecycle.stopped()) {
        // The drain time ran out while the provider answered; the database may be gone. The
        // claim's lease expires and the message is sent again: at least once, never lost.
        LOG.log(
            Level.WARNING,
            "Outbound message {0}: the provider answered after the drain time; not recorded",
            claim.id());
        return;
      }
      OutboxStatus status = store.record(claim.id(), result, backoff);
      LOG.info(() -> describe(claim, result, status));
    } catch (InterruptedException e) {
      // Interrupted while waiting for its pacing slot (the drain time ran out): give the claim
      // back first, with the flag cleared, since an interrupted thread's file I/O would close an
      // embedded database's file under it.
      releaseQuietly(claim);
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // Could not record the result; the claim expires and the message is tried again.
      LOG.log(Level.WARNING, e, () -> "Outbound message " + claim.id() + ": recording failed");
    } finally {
      free.release();
      wake();
    }
  }

  private void releaseQuietly(Claim claim) {
    if (!lifecycle.stopped()) {
      try {
        store.release(claim.id());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Claim {0} not released; its lease expires", claim.id());
      }
    }
  }

  private SendResult send(Claim claim) {
    Channel channel = channels.get(claim.channel());
    if (channel == null) {
      return new SendResult.Rejected("no-channel", "no " + claim.channel() + " channel installed");
    }
    try {
      return channel.send(
          claim.businessNumber(), claim.recipient(), claim.reply(), claim.correlation());
    } catch (RuntimeException e) {
      return new SendResult.RetryLater("exception", e.toString(), null);
    }
  }

  private static String describe(Claim claim, SendResult result, OutboxStatus status) {
    String what;
    if (result instanceof SendResult.Accepted a) {
      what = "accepted as " + a.providerMessageId();
    } else if (result instanceof SendResult.RetryLater r) {
      what = "retry later (" + r.code() + ": " + r.detail() + ")";
    } else {
      SendResult.Rejected r = (SendResult.Rejected) result;
      what = "rejected (" + r.code() + ": " + r.detail() + ")";
    }
    return "Outbound message "
        + claim.id()
        + " attempt "
        + claim.attempt()
        + " via "
        + claim.channel()
        + ": "
        + what
        + " -> "
        + status;
  }
}
