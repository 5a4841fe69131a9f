package org.ispchat.splynx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Writes {@link AccountChange} rows, each in a transaction of its own so that it is committed
 * before the billing system is called (and its outcome right after), whatever later happens to the
 * turn that asked for the change.
 */
@ApplicationScoped
public class ChangeJournal {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /**
   * Records a new change, or returns the earlier record of the same reference, leaving it as it
   * was. Empty means "new: go ahead".
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<AccountChange> start(
      String reference,
      AccountChange.Kind kind,
      String accountId,
      String requestedBy,
      String detail) {
    Optional<AccountChange> earlier = find(reference);
    if (earlier.isPresent()) {
      return earlier;
    }
    em.persist(new AccountChange(reference, kind, accountId, requestedBy, detail, clock.instant()));
    em.flush();
    return Optional.empty();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void tryAgain(String reference) {
    find(reference).orElseThrow().tryAgain();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void done(String reference, String outcome) {
    find(reference).orElseThrow().done(outcome, clock.instant());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refused(String reference, String reason) {
    find(reference).orElseThrow().refused(reason, clock.instant());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<AccountChange> find(String reference) {
    return em.createQuery(
            "select c from AccountChange c where c.reference = :r", AccountChange.class)
        .setParameter("r", reference)
        .getResultStream()
        .findFirst();
  }

  /**
   * The latest changes of one account, newest first: the audit trail for the console and support.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.List<AccountChange> ofAccount(String accountId, int limit) {
    return em.createQuery(
            "select c from AccountChange c where c.accountId = :a order by c.startedAt desc, c.id desc",
            AccountChange.class)
        .setParameter("a", accountId)
        .setMaxResults(limit)
        .getResultList();
  }
}
