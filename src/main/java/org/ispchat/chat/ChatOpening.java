package org.ispchat.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Creates a person's chat row in a transaction of its own, so that two nodes opening the same chat
 * at once cost one of them a harmless duplicate-key error rather than its whole turn.
 */
@ApplicationScoped
public class ChatOpening {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void open(ChatKey key) {
    em.persist(new Chat(key, clock.instant()));
    em.flush();
  }

  /** Creates several chats in one transaction; a duplicate fails them all (then open each). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void openAll(java.util.Collection<ChatKey> keys) {
    for (ChatKey key : keys) {
      em.persist(new Chat(key, clock.instant()));
    }
    em.flush();
  }
}
