package org.ispchat.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.ispchat.platform.Purge;
import org.ispchat.platform.Purged;
import org.ispchat.platform.SkipLocked;

/**
 * Retention of what people sent: forgets the words of old messages, then deletes old messages and
 * receipts nobody applied. A message still waiting to be answered is never touched.
 */
@ApplicationScoped
public class InboxPurge implements Purge {

  @PersistenceContext EntityManager em;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Purged nextBatch(Instant textsBefore, Instant rowsBefore, int batch) {
    List<InboundMessage> old = messages(false, textsBefore, batch);
    if (!old.isEmpty()) {
      old.forEach(InboundMessage::forgetText);
      return Purged.texts(old.size());
    }
    List<InboundMessage> expired = messages(true, rowsBefore, batch);
    if (!expired.isEmpty()) {
      expired.forEach(em::remove);
      return Purged.rows(expired.size());
    }
    List<DeliveryReceipt> receipts = strayReceipts(rowsBefore, batch);
    receipts.forEach(em::remove);
    return Purged.rows(receipts.size());
  }

  /** Answered (or given up) messages from before {@code before}, oldest first. */
  private List<InboundMessage> messages(boolean forgotten, Instant before, int batch) {
    // Ordered by the time alone, so the databases read ix_inbound_retention in order and stop.
    return SkipLocked.rows(
            em.createQuery(
                "select m from InboundMessage m where m.forgotten = :forgotten"
                    + " and m.receivedAt < :before and m.status <> :pending"
                    + " order by m.receivedAt",
                InboundMessage.class))
        .setParameter("forgotten", forgotten)
        .setParameter("before", before)
        .setParameter("pending", InboundStatus.PENDING)
        .setMaxResults(batch)
        .getResultList();
  }

  /**
   * Receipts are normally deleted within minutes of arriving (applied, or given up after five
   * looks); these are the ones no sending node ever looked at. A receipt is checked no earlier than
   * it arrived, so asking for both times before the cut-off finds them through ix_receipt_due.
   */
  private List<DeliveryReceipt> strayReceipts(Instant before, int batch) {
    return SkipLocked.rows(
            em.createQuery(
                "select r from DeliveryReceipt r where r.nextCheckAt < :before"
                    + " and r.receivedAt < :before order by r.nextCheckAt",
                DeliveryReceipt.class))
        .setParameter("before", before)
        .setMaxResults(batch)
        .getResultList();
  }
}
