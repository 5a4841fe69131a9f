package org.ispchat.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.ispchat.chat.Chat;
import org.ispchat.chat.Reply;
import org.ispchat.chat.ReplyQueue;

/**
 * Queues replies. Called inside the transaction that changes the chat, so a reply exists exactly
 * when the state change that produced it does. The caller must hold the chat's row lock: the chat
 * hands out the sequence numbers that order the person's replies.
 */
@ApplicationScoped
public class Outbox implements ReplyQueue {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<OutboxFilled> filled;

  @Override
  public void enqueue(Chat chat, String businessNumber, String inReplyTo, List<Reply> replies) {
    if (replies.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (Reply reply : replies) {
      em.persist(new OutboundMessage(chat, businessNumber, inReplyTo, reply, now));
    }
    filled.fire(new OutboxFilled(replies.size()));
  }

  /**
   * Queues one message ispchat starts (a notice, not an answer), to be sent no earlier than {@code
   * notBefore}, and returns its id. Same rules as {@link #enqueue}: in the chat's transaction,
   * under its row lock.
   */
  public long start(Chat chat, String businessNumber, Reply reply, Instant notBefore) {
    Instant now = clock.instant();
    OutboundMessage message = new OutboundMessage(chat, businessNumber, null, reply, now);
    if (notBefore != null && notBefore.isAfter(now)) {
      message.holdUntil(notBefore);
    }
    em.persist(message);
    filled.fire(new OutboxFilled(1));
    return message.id();
  }
}
