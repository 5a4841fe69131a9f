package org.ispchat.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.ispchat.chat.Chat;
import org.ispchat.platform.Purge;
import org.ispchat.platform.Purged;
import org.ispchat.platform.SkipLocked;

/**
 * Retention of what we sent: forgets the words of old replies, deletes old replies, and then the
 * chats left with no message either way. A reply still waiting to be sent is never touched.
 *
 * <p>Chats are deleted here rather than in {@code chat}: outbound messages are the rows that refer
 * to a chat (fk_outbound_chat), and {@code chat} knows nothing of the outbox.
 */
@ApplicationScoped
public class OutboxPurge implements Purge {

  private static final List<OutboxStatus> WAITING =
      List.of(OutboxStatus.QUEUED, OutboxStatus.SENDING);

  @PersistenceContext EntityManager em;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Purged nextBatch(Instant textsBefore, Instant rowsBefore, int batch) {
    List<OutboundMessage> old = messages(false, textsBefore, batch);
    if (!old.isEmpty()) {
      old.forEach(OutboundMessage::forgetText);
      return Purged.texts(old.size());
    }
    List<OutboundMessage> expired = messages(true, rowsBefore, batch);
    if (!expired.isEmpty()) {
      expired.forEach(em::remove);
      return Purged.rows(expired.size());
    }
    List<Chat> idle = idleChats(rowsBefore, batch);
    idle.forEach(em::remove);
    return Purged.rows(idle.size());
  }

  /** Messages no longer waiting to be sent, created before {@code before}, oldest first. */
  private List<OutboundMessage> messages(boolean forgotten, Instant before, int batch) {
    // Ordered by the time alone, so the databases read ix_outbound_retention in order and stop.
    return SkipLocked.rows(
            em.createQuery(
                "select o from OutboundMessage o where o.forgotten = :forgotten"
                    + " and o.createdAt < :before and o.status not in :waiting"
                    + " order by o.createdAt",
                OutboundMessage.class))
        .setParameter("forgotten", forgotten)
        .setParameter("before", before)
        .setParameter("waiting", WAITING)
        .setMaxResults(batch)
        .getResultList();
  }

  /**
   * Chats with no activity since {@code before} and no message left either way: the person's
   * number, name, language and dialog step go with them. If the person writes again the next turn
   * opens a new chat; in the instant a chat is being deleted, that turn fails once and is retried.
   */
  private List<Chat> idleChats(Instant before, int batch) {
    return SkipLocked.rows(
            em.createQuery(
                "select c from Chat c where c.lastActivityAt < :before"
                    + " and not exists (select o.id from OutboundMessage o where o.chatId = c.id)"
                    + " and not exists (select m.id from InboundMessage m"
                    + "     where m.channel = c.channel and m.sender = c.sender)"
                    + " order by c.lastActivityAt",
                Chat.class))
        .setParameter("before", before)
        .setMaxResults(batch)
        .getResultList();
  }
}
