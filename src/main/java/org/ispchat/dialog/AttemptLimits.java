package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed tries per kind and subject (see {@link AttemptLimit}). Runs inside the turn's
 * transaction: a failure counted is committed with the answer that reports it.
 */
@ApplicationScoped
public class AttemptLimits {

  /** Portal sign-ins by one phone number. */
  public static final String SIGN_IN = "sign-in";

  /** Refill-card codes tried for one account. */
  public static final String REFILL_CARD = "refill-card";

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofHours(1);

  @PersistenceContext EntityManager em;

  public boolean locked(String kind, String subject, Instant now) {
    return find(kind, subject).map(limit -> limit.locked(now)).orElse(false);
  }

  /** Counts a failure; true when the subject is now locked out. */
  public boolean fail(String kind, String subject, Instant now) {
    AttemptLimit limit =
        find(kind, subject)
            .orElseGet(
                () -> {
                  AttemptLimit created = new AttemptLimit(kind, subject, now);
                  em.persist(created);
                  return created;
                });
    return limit.fail(now, MAX_FAILURES, WINDOW);
  }

  public void succeed(String kind, String subject) {
    find(kind, subject).ifPresent(AttemptLimit::succeed);
  }

  private java.util.Optional<AttemptLimit> find(String kind, String subject) {
    return em.createQuery(
            "select a from AttemptLimit a where a.kind = :kind and a.subject = :subject",
            AttemptLimit.class)
        .setParameter("kind", kind)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }
}
