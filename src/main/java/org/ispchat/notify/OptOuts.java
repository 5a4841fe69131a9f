package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Who does not want reminders, invoices or overdue notices. Kept by phone number (international
 * digits), so the choice holds for every instance of the ISP; payment confirmations still go, since
 * they answer something the customer did.
 */
@ApplicationScoped
public class OptOuts {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  public boolean optedOut(String phone) {
    return find(phone).isPresent();
  }

  /** Which of these numbers opted out (one query for a group of notices). */
  public java.util.Set<String> among(java.util.Set<String> phones) {
    if (phones.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        em.createQuery("select o.phone from OptOut o where o.phone in :p", String.class)
            .setParameter("p", phones)
            .getResultList());
  }

  /** Records the opt-out; returns false when the number had already opted out. */
  @Transactional
  public boolean optOut(String phone, String how) {
    if (find(phone).isPresent()) {
      return false;
    }
    // The same number writing STOP on two channels at the same instant fails one insert on the
    // unique key; that turn is retried and then finds the opt-out.
    em.persist(new OptOut(phone, how, clock.instant()));
    return true;
  }

  /** Lifts the opt-out; returns false when there was none. */
  @Transactional
  public boolean optIn(String phone) {
    return em.createQuery("delete from OptOut o where o.phone = :p")
            .setParameter("p", phone)
            .executeUpdate()
        > 0;
  }

  public Optional<OptOut> find(String phone) {
    return em.createQuery("select o from OptOut o where o.phone = :p", OptOut.class)
        .setParameter("p", phone)
        .getResultStream()
        .findFirst();
  }
}
