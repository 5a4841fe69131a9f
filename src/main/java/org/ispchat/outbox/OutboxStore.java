package org.ispchat.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ispchat.chat.DeliveryReceipt;
import org.ispchat.chat.SendResult;

/** The outbox's transactions: claiming, recording what a send did, applying receipts. */
@ApplicationScoped
public class OutboxStore {

  private static final Logger LOG = Logger.getLogger(OutboxStore.class.getName());

  /** Receipts for messages we never find (sent by another system on the same number) give up. */
  static final Duration RECEIPT_PATIENCE = Duration.ofMinutes(10);

  /** Hibernate's value for SKIP LOCKED in jakarta.persistence.lock.timeout. */
  private static final int SKIP_LOCKED = -2;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject OutboxSettings settings;

  /**
   * Reserves up to {@code limit} messages that may be sent now. Only the head of each chat's queue
   * qualifies: a message waits while an earlier one to the same person is queued or being sent,
   * which keeps a person's replies in order. Rows another node holds are skipped, not waited for.
   */
  @Transactional
  public List<Claim> claim(int limit) {
    Instant now = clock.instant();
    List<OutboundMessage> heads =
        em.createQuery(
                "select o from OutboundMessage o"
                    + " where ((o.status = :queued and o.nextAttemptAt <= :now)"
                    + "     or (o.status = :sending and o.leaseUntil <= :now))"
                    + " and not exists (select p.id from OutboundMessage p"
                    + "     where p.chatId = o.chatId and p.sequence < o.sequence"
                    + "     and p.status in (:queued, :sending))"
                    + " order by o.nextAttemptAt, o.id",
                OutboundMessage.class)
            .setParameter("queued", OutboxStatus.QUEUED)
            .setParameter("sending", OutboxStatus.SENDING)
            .setParameter("now", now)
            .setMaxResults(limit)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
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

  /** Records what one send attempt did. */
  @Transactional
  public OutboxStatus record(long id, SendResult result, RetryPolicy policy) {
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
   * Applies waiting receipts with ids above {@code after}, up to {@code limit} of them. Returns the
   * last id looked at (0 when none), so a caller can page through without re-reading receipts that
   * must wait for their message to be recorded.
   */
  @Transactional
  public long applyReceipts(long after, int limit) {
    Instant now = clock.instant();
    List<DeliveryReceipt> receipts =
        em.createQuery(
                "select r from DeliveryReceipt r where r.appliedAt is null and r.id > :after"
                    + " order by r.id",
                DeliveryReceipt.class)
            .setParameter("after", after)
            .setMaxResults(limit)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
            .getResultList();
    long last = 0;
    for (DeliveryReceipt r : receipts) {
      last = r.id();
      Optional<OutboundMessage> target = findTarget(r);
      if (target.isPresent()) {
        OutboundMessage o = target.get();
        em.lock(o, LockModeType.PESSIMISTIC_WRITE);
        boolean moved =
            o.applyReceipt(
                r.status(),
                r.providerMessageId(),
                r.reportedAt(),
                r.errorCode(),
                r.errorDetail(),
                now);
        r.close(moved ? "applied" : "stale", now);
        if (moved) {
          LOG.fine(
              () ->
                  "Outbound message " + o.id() + " is now " + o.status() + " (" + r.status() + ")");
        }
      } else if (r.receivedAt().plus(RECEIPT_PATIENCE).isBefore(now)) {
        r.close("unmatched", now);
      }
    }
    return last;
  }

  private Optional<OutboundMessage> findTarget(DeliveryReceipt r) {
    Optional<OutboundMessage> byProviderId =
        em.createQuery(
                "select o from OutboundMessage o where o.channel = :channel"
                    + " and o.providerMessageId = :pid",
                OutboundMessage.class)
            .setParameter("channel", r.channel())
            .setParameter("pid", r.providerMessageId())
            .getResultStream()
            .findFirst();
    if (byProviderId.isPresent() || r.correlation() == null) {
      return byProviderId;
    }
    return correlatedId(r.correlation())
        .map(id -> em.find(OutboundMessage.class, id))
        .filter(o -> o.channel() == r.channel());
  }

  private static Optional<Long> correlatedId(String correlation) {
    if (!correlation.startsWith("ob-")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(correlation.substring(3)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
