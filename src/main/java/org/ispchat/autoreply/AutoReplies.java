package org.ispchat.autoreply;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The auto-reply rules: which one answers a message, and their upkeep for the console and the admin
 * API.
 *
 * <p>Every message asks {@link #match}, so the enabled rules are kept in memory for {@link
 * #FRESH_FOR}. A change made on this node is seen by its next message (the copy is dropped when the
 * change commits); a change made on another node is seen here within those ten seconds. That is
 * soon enough for rules an admin edits by hand, and needs nothing shared between nodes but the
 * database.
 */
@ApplicationScoped
public class AutoReplies {

  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(AutoReplies.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Resource TransactionSynchronizationRegistry transactions;

  /** Counts committed changes on this node; a copy read before the latest one is stale. */
  private final AtomicLong changes = new AtomicLong();

  private volatile Rules rules;

  private record Rules(AutoReplyMatcher matcher, Instant readAt, long changesSeen) {}

  /**
   * The rule that answers this message in a chat of this language ({@code en}, {@code ar}), if any.
   * The rule returned is a shared, read-only copy: use its reply, do not change it.
   *
   * <p>Reads outside the caller's transaction, so the copies kept belong to no persistence context.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<AutoReplyRule> match(String text, String language) {
    return current().match(text, language);
  }

  /** Every rule, enabled or not, in the order they are tried. */
  public List<AutoReplyRule> list() {
    return em.createQuery(
            "select r from AutoReplyRule r order by r.priority, r.id", AutoReplyRule.class)
        .getResultList();
  }

  public Optional<AutoReplyRule> find(long id) {
    return Optional.ofNullable(em.find(AutoReplyRule.class, id));
  }

  /**
   * @throws IllegalArgumentException when the content breaks a rule (the message says which)
   */
  @Transactional
  public AutoReplyRule create(RuleContent content, boolean enabled) {
    Instant now = clock.instant();
    AutoReplyRule rule = new AutoReplyRule(content, now);
    if (!enabled) {
      rule.disable(now);
    }
    em.persist(rule);
    em.flush();
    forgetRulesOnCommit();
    LOG.log(Level.INFO, "Auto-reply rule {0} created", rule.id());
    return rule;
  }

  /**
   * Changes a rule as last read by the editor; empty when it no longer exists.
   *
   * @param version the {@link AutoReplyRule#version} the editor saw: an edit made on top of someone
   *     else's newer one is refused rather than silently undoing it
   * @throws OptimisticLockException when the rule changed since that version
   * @throws IllegalArgumentException when the content breaks a rule
   */
  @Transactional
  public Optional<AutoReplyRule> update(
      long id, long version, RuleContent content, boolean enabled) {
    AutoReplyRule rule = em.find(AutoReplyRule.class, id);
    if (rule == null) {
      return Optional.empty();
    }
    if (rule.version() != version) {
      throw new OptimisticLockException(
          "auto-reply rule "
              + id
              + " was changed by someone else (version "
              + rule.version()
              + ", edited "
              + version
              + ")");
    }
    Instant now = clock.instant();
    rule.change(content, now);
    if (enabled) {
      rule.enable(now);
    } else {
      rule.disable(now);
    }
    em.flush();
    forgetRulesOnCommit();
    LOG.log(Level.INFO, "Auto-reply rule {0} changed", id);
    return Optional.of(rule);
  }

  /** Returns whether there was such a rule. */
  @Transactional
  public boolean delete(long id) {
    AutoReplyRule rule = em.find(AutoReplyRule.class, id);
    if (rule == null) {
      return false;
    }
    em.remove(rule);
    forgetRulesOnCommit();
    LOG.log(Level.INFO, "Auto-reply rule {0} deleted", id);
    return true;
  }

  private AutoReplyMatcher current() {
    Rules known = rules;
    if (isFresh(known)) {
      return known.matcher();
    }
    synchronized (this) {
      known = rules;
      if (isFresh(known)) {
        return known.matcher();
      }
      long seen = changes.get();
      AutoReplyMatcher matcher = new AutoReplyMatcher(enabledRules());
      rules = new Rules(matcher, clock.instant(), seen);
      return matcher;
    }
  }

  private boolean isFresh(Rules known) {
    return known != null
        && known.changesSeen() == changes.get()
        && known.readAt().plus(FRESH_FOR).isAfter(clock.instant());
  }

  /** The enabled rules from the database; a test may stand in for it. */
  List<AutoReplyRule> enabledRules() {
    return em.createQuery(
            "select r from AutoReplyRule r where r.enabled = true", AutoReplyRule.class)
        .getResultList();
  }

  // Counted after the commit, not before: a copy read in between would otherwise be taken as
  // fresh while it still lacks the change.
  private void forgetRulesOnCommit() {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            changes.incrementAndGet();
          }
        });
  }
}
