package org.ispchat.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ispchat.chat.DeliveryReceipt;
import org.ispchat.chat.SendResult;
import org.ispchat.platform.Backoff;
import org.ispchat.platform.SkipLocked;

/** The outbox's transactions: claiming, recording what a send did, applying receipts. */
@ApplicationScoped
public class OutboxStore {

  private static final Logger LOG = Logger.getLogger(OutboxStore.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject OutboxSettings settings;

  /**
   * Reserves up to {@code limit} messages that may be sent now. Only the head of each chat's queue
   * qualifies: a message waits while an earlier one to the same person is queued or being sent,
   * which keeps a person's replies in order. A message held for later and never tried (a notice
   * waiting for the morning) does not hold back what follows it: a payment confirmation or the
   * bot's answers at night go past it. Rows another node holds are skipped, not waited for. A
   * message being sent is due again when its lease expires (its node died mid-send).
   */
  @Transactional
  public List<Claim> claim(int limit) {
    Instant now = clock.instant();
    List<OutboundMessage> heads =
        SkipLocked.rows(
                em.createQuery(
                    "select o from OutboundMessage o"
                        + " where o.status in (:queued, :sending) and o.nextAttemptAt <= :now"
                        + " and not exists (select p.id from OutboundMessage p"
                        + "     where p.chatId = o.chatId and p.sequence < o.sequence"
                        + "     and p.status in (:queued, :sending)"
                        + "     and not (p.attempts = 0 and p.nextAttemptAt > :now))"
                        + " order by o.nextAttemptAt, o.id",
                    OutboundMessage.class))
            .setParameter("queued", OutboxStatus.QUEUED)
            .setParameter("sending", OutboxStatus.SENDING)
            .setParameter("now", now)
            .setMaxResults(limit)
            .getResultList();
    Instant leaseUntil = now.plus(settings.lease());
    return heads.stream()
        .map(
            o -> {
              o.claim(now, leaseUntil);
              return new Claim(
                  o.id(), o.channel(), o.businessNumber(), o.recipient(), o.reply(), o.attempts());
            })
        .toList();
  }

  /** Gives back a claim whose send was never started (this node is stopping). */
  @Transactional
  public void release(long id) {
    OutboundMessage o = em.find(OutboundMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (o != null) {
      o.release(clock.instant());
    }
  }

  /** Records what one send attempt did. */
  @Transactional
  public OutboxStatus record(long id, SendResult result, Backoff policy) {
    OutboundMessage o = em.find(OutboundMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (result instanceof SendResult.Accepted a) {
      o.accepted(a.providerMessageId(), now);
    } else if (result instanceof SendResult.Rejected r) {
      o.fail(r.code(), r.detail(), now);
    } else if (result instanceof SendResult.RetryLater r) {
      if (o.attempts() >= settings.maxAttempts()) {
        o.fail(r.code(), "gave up after " + o.attempts() + " attempts: " + r.detail(), now);
      } else {
        Instant next = now.plus(policy.waitAfter(o.attempts(), r.notBefore()));
        o.retryAt(next, r.code(), r.detail(), now);
      }
    }
    return o.status();
  }

  /**
   * Applies up to {@code limit} receipts that are due, and returns how many it looked at. Their
   * messages are found with one query per page (by Meta's id, else by our correlation id) and
   * locked in id order, so two nodes applying receipts of the same messages wait rather than
   * deadlock.
   */
  @Transactional
  public int applyDueReceipts(int limit) {
    Instant now = clock.instant();
    List<DeliveryReceipt> receipts =
        SkipLocked.rows(
                em.createQuery(
                    "select r from DeliveryReceipt r where r.nextCheckAt <= :now order by r.id",
                    DeliveryReceipt.class))
            .setParameter("now", now)
            .setMaxResults(limit)
            .getResultList();
    if (receipts.isEmpty()) {
      return 0;
    }
    Map<String, OutboundMessage> byProviderId = new HashMap<>();
    Map<Long, OutboundMessage> byId = new HashMap<>();
    Set<Long> correlated = new HashSet<>();
    receipts.forEach(r -> correlatedId(r.correlation()).ifPresent(correlated::add));
    // Two queries rather than one with OR, so each uses its index; both lock in id order.
    List<OutboundMessage> targets =
        new ArrayList<>(
            em.createQuery(
                    "select o from OutboundMessage o where o.providerMessageId in :pids order by o.id",
                    OutboundMessage.class)
                .setParameter(
                    "pids", receipts.stream().map(DeliveryReceipt::providerMessageId).toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
    if (!correlated.isEmpty()) {
      targets.addAll(
          em.createQuery(
                  "select o from OutboundMessage o where o.id in :ids order by o.id",
                  OutboundMessage.class)
              .setParameter("ids", correlated)
              .setLockMode(LockModeType.PESSIMISTIC_WRITE)
              .getResultList());
    }
    for (OutboundMessage o : targets) {
      byId.put(o.id(), o);
      if (o.providerMessageId() != null) {
        byProviderId.put(o.channel() + "|" + o.providerMessageId(), o);
      }
    }
    for (DeliveryReceipt r : receipts) {
      OutboundMessage o = byProviderId.get(r.channel() + "|" + r.providerMessageId());
      if (o == null) {
        o =
            correlatedId(r.correlation())
                .map(byId::get)
                .filter(m -> m.channel() == r.channel())
                .orElse(null);
      }
      if (o != null) {
        OutboundMessage target = o;
        boolean moved =
            target.applyReceipt(
                r.status(),
                r.providerMessageId(),
                r.reportedAt(),
                r.errorCode(),
                r.errorDetail(),
                now);
        em.remove(r);
        if (moved) {
          LOG.fine(() -> "Outbound message " + target.id() + " is now " + target.status());
        }
      } else if (!r.notFoundYet(now)) {
        // Most likely a message another system sent from the same number.
        LOG.fine(() -> "No outbound message for receipt " + r.providerMessageId() + "; dropped");
        em.remove(r);
      }
    }
    return receipts.size();
  }

  private static Optional<Long> correlatedId(String correlation) {
    if (correlation == null || !correlation.startsWith("ob-")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(correlation.substring(3)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
