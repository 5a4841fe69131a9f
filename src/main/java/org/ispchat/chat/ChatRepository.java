package org.ispchat.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.platform.UniqueViolation;

/** Chats and the queries over inbound messages that the per-chat workers need. */
@ApplicationScoped
public class ChatRepository {

  private static final Logger LOG = Logger.getLogger(ChatRepository.class.getName());

  @PersistenceContext EntityManager em;
  @Inject ChatOpening opening;

  /**
   * The chat, row-locked until the current transaction ends and read fresh under that lock, created
   * if this is the person's first message. Holding this lock is what lets only one node at a time
   * answer one person.
   *
   * <p>A new chat is created before any lock is taken: a locking read of a missing row takes a gap
   * lock on InnoDB (MariaDB), which the separate transaction creating the row would then wait for.
   * That first look asks only for the id: had it loaded the chat, the locking read would hand back
   * the copy read before the lock (the persistence context keeps the first copy it loads), and a
   * node that waited for the lock would work on the state as it was before the other node's turn.
   */
  public Chat lock(ChatKey key) {
    Optional<Long> id = idOf(key);
    if (id.isEmpty()) {
      try {
        opening.open(key);
      } catch (RuntimeException e) {
        if (!UniqueViolation.causes(e)) {
          throw e;
        }
        LOG.log(Level.INFO, "Chat {0} was opened by another node at the same moment", key);
      }
      id = idOf(key);
    }
    return em.find(Chat.class, id.orElseThrow(), LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Like {@link #lock} for many people at once (a billing run): the chats that are missing are
   * created first, together in one transaction of their own (one by one if another node or a turn
   * opened one of them at the same moment), then all are locked in id order, which is the order
   * every caller of this method takes them in, so two nodes locking overlapping sets wait for each
   * other rather than deadlock.
   */
  public java.util.Map<ChatKey, Chat> lockAll(java.util.Collection<ChatKey> keys) {
    java.util.Set<ChatKey> wanted = new java.util.HashSet<>(keys);
    java.util.Map<ChatKey, Long> ids = idsOf(wanted);
    java.util.Set<ChatKey> missing = new java.util.HashSet<>(wanted);
    missing.removeAll(ids.keySet());
    if (!missing.isEmpty()) {
      try {
        opening.openAll(missing);
      } catch (RuntimeException e) {
        if (!UniqueViolation.causes(e)) {
          throw e;
        }
        for (ChatKey key : missing) {
          try {
            opening.open(key);
          } catch (RuntimeException one) {
            if (!UniqueViolation.causes(one)) {
              throw one;
            }
          }
        }
      }
      ids = idsOf(wanted);
    }
    java.util.Map<ChatKey, Chat> chats = new java.util.HashMap<>();
    for (Chat chat :
        em.createQuery("select c from Chat c where c.id in :ids order by c.id", Chat.class)
            .setParameter("ids", ids.values())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      chats.put(chat.key(), chat);
    }
    return chats;
  }

  private java.util.Map<ChatKey, Long> idsOf(java.util.Set<ChatKey> keys) {
    java.util.Map<ChatKey, Long> ids = new java.util.HashMap<>();
    List<String> senders = keys.stream().map(ChatKey::sender).distinct().toList();
    for (Object[] row :
        em.createQuery(
                "select c.id, c.channel, c.sender from Chat c where c.sender in :senders",
                Object[].class)
            .setParameter("senders", senders)
            .getResultList()) {
      ChatKey key = new ChatKey((ChannelType) row[1], (String) row[2]);
      if (keys.contains(key)) {
        ids.put(key, (Long) row[0]);
      }
    }
    return ids;
  }

  private Optional<Long> idOf(ChatKey key) {
    return em.createQuery(
            "select c.id from Chat c where c.channel = :channel and c.sender = :sender", Long.class)
        .setParameter("channel", key.channel())
        .setParameter("sender", key.sender())
        .getResultStream()
        .findFirst();
  }

  /** The chat's oldest unanswered message, in the order the person sent them. */
  public Optional<InboundMessage> nextPending(ChatKey key) {
    return em.createQuery(
            "select m from InboundMessage m where m.channel = :channel and m.sender = :sender"
                + " and m.status = :pending order by m.sentAt, m.id",
            InboundMessage.class)
        .setParameter("channel", key.channel())
        .setParameter("sender", key.sender())
        .setParameter("pending", InboundStatus.PENDING)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * The person's latest text messages, oldest first: the recent conversation a hand-off carries to
   * the agent. Messages whose words were removed (retention, a password) are left out.
   */
  public List<InboundMessage> recentTexts(ChatKey key, int limit) {
    List<InboundMessage> newestFirst =
        em.createQuery(
                "select m from InboundMessage m where m.channel = :channel and m.sender = :sender"
                    + " and m.text is not null order by m.sentAt desc, m.id desc",
                InboundMessage.class)
            .setParameter("channel", key.channel())
            .setParameter("sender", key.sender())
            .setMaxResults(limit)
            .getResultList();
    List<InboundMessage> oldestFirst = new java.util.ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** Chats with a message waiting that is due now: what a sweep hands to the workers. */
  public List<ChatKey> chatsWithDueMessages(Instant now, int limit) {
    return em.createQuery(
            "select distinct m.channel, m.sender from InboundMessage m"
                + " where m.status = :pending and m.nextAttemptAt <= :now",
            Object[].class)
        .setParameter("pending", InboundStatus.PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultStream()
        .map(row -> new ChatKey((ChannelType) row[0], (String) row[1]))
        .toList();
  }
}
