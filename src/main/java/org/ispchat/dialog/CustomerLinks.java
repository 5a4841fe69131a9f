package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.ispchat.chat.ChatKey;

/**
 * The chats' links to billing accounts (see {@link CustomerLink}), inside the turn's transaction.
 */
@ApplicationScoped
public class CustomerLinks {

  @PersistenceContext EntityManager em;

  public Optional<CustomerLink> of(ChatKey key) {
    return em.createQuery(
            "select l from CustomerLink l where l.channel = :c and l.sender = :s",
            CustomerLink.class)
        .setParameter("c", key.channel())
        .setParameter("s", key.sender())
        .getResultStream()
        .findFirst();
  }

  public void add(CustomerLink link) {
    em.persist(link);
  }

  /** Removes the link now, so a new one for the same chat can be added in the same transaction. */
  public void remove(CustomerLink link) {
    em.remove(link);
    em.flush();
  }
}
