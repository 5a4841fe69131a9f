package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.ispchat.platform.Purge;
import org.ispchat.platform.Purged;
import org.ispchat.platform.RetentionSettings;
import org.ispchat.platform.SkipLocked;

/**
 * Retention of billing notices: a notice row (customer's name, amount, invoice) goes with the
 * messages, after {@code ispchat.retention.messages}, but never within the idempotency period,
 * whatever retention says: a retry must still find the notice it repeats.
 */
@ApplicationScoped
public class NotificationPurge implements Purge {

  @PersistenceContext EntityManager em;
  @Inject NotifySettings settings;
  @Inject RetentionSettings retention;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Purged nextBatch(Instant textsBefore, Instant rowsBefore, int batch) {
    // The pass's own "now" (a pass may run as of another instant): rows go after the message
    // period, counted from there, and never within the idempotency period.
    Instant now = rowsBefore.plus(retention.messages());
    Instant keep = now.minus(settings.idempotency());
    Instant before = rowsBefore.isBefore(keep) ? rowsBefore : keep;
    List<Notification> old =
        SkipLocked.rows(
                em.createQuery(
                    "select n from Notification n where n.createdAt < :before order by n.createdAt",
                    Notification.class))
            .setParameter("before", before)
            .setMaxResults(batch)
            .getResultList();
    old.forEach(em::remove);
    return old.isEmpty() ? Purged.NOTHING : Purged.rows(old.size());
  }
}
