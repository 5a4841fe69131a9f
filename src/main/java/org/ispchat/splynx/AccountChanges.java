package org.ispchat.splynx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.platform.UniqueViolation;

/**
 * Every change the bot makes in the billing system, made at most once per customer request. The
 * request's reference is recorded (and committed) before the call; when the same request comes
 * again (a retried message after a crash, a second tap on Confirm), the record is found and the
 * billing system is asked whether the change already happened before anything is done again. See
 * docs/decisions/0008 for where this still cannot be exact.
 */
@ApplicationScoped
public class AccountChanges {

  private static final Logger LOG = Logger.getLogger(AccountChanges.class.getName());

  /** How far back a card redeemed by this account counts as "this request's" redemption. */
  static final Duration RECHARGE_LOOKBACK = Duration.ofDays(1);

  @Inject ChangeJournal journal;
  @Inject SplynxAccounts accounts;
  @Inject Clock clock;

  public Recharge recharge(Account account, String cardCode, String reference, String requestedBy) {
    Instant since = clock.instant().minus(RECHARGE_LOOKBACK);
    return once(
        AccountChange.Kind.RECHARGE,
        reference,
        account.id(),
        requestedBy,
        "refill card " + masked(cardCode),
        () -> accounts.findRecharge(account, cardCode, since),
        () -> accounts.recharge(account, cardCode, reference),
        r -> "new balance " + r.newBalance().toPlainString());
  }

  public PlanChange changePlan(
      Subscription subscription, Plan plan, LocalDate from, String reference, String requestedBy) {
    return once(
        AccountChange.Kind.PLAN_CHANGE,
        reference,
        subscription.accountId(),
        requestedBy,
        "plan " + subscription.plan().name() + " -> " + plan.name() + " from " + from,
        () -> accounts.findPlanChange(subscription, plan.id(), from),
        () -> accounts.changePlan(subscription, plan, from, reference),
        c -> "new subscription " + c.newSubscriptionId() + " from " + c.from());
  }

  public Ticket openTicket(
      Account account, String subject, String message, String reference, String requestedBy) {
    return once(
        AccountChange.Kind.TICKET,
        reference,
        account.id(),
        requestedBy,
        "ticket: " + subject,
        () -> accounts.findTicket(account, reference),
        () -> accounts.openTicket(account, subject, message, reference),
        t -> "ticket " + t.id());
  }

  public void addToTicket(
      String accountId, String ticketId, String message, String reference, String requestedBy) {
    once(
        AccountChange.Kind.TICKET_MESSAGE,
        reference,
        accountId,
        requestedBy,
        "message to ticket " + ticketId,
        () ->
            accounts.ticketHasMessage(ticketId, reference)
                ? Optional.of(Boolean.TRUE)
                : Optional.empty(),
        () -> {
          accounts.addToTicket(accountId, ticketId, message, reference);
          return Boolean.TRUE;
        },
        added -> "added");
  }

  private <T> T once(
      AccountChange.Kind kind,
      String reference,
      String accountId,
      String requestedBy,
      String detail,
      Supplier<Optional<T>> madeAlready,
      Supplier<T> make,
      Function<T, String> outcome) {
    Optional<AccountChange> earlier = start(kind, reference, accountId, requestedBy, detail);
    if (earlier.isPresent()) {
      AccountChange change = earlier.get();
      if (change.status() == AccountChange.Status.REFUSED) {
        throw refusal(kind, change.outcome());
      }
      Optional<T> found = madeAlready.get();
      if (found.isPresent()) {
        if (change.status() == AccountChange.Status.STARTED) {
          journal.done(reference, outcome.apply(found.get()));
        }
        LOG.log(
            Level.INFO,
            "{0} {1} for account {2} had already been made; not made again",
            new Object[] {kind, reference, accountId});
        return found.get();
      }
      if (change.status() == AccountChange.Status.DONE) {
        // Recorded as made, yet the billing system does not show it (yet): making it again could
        // charge the customer twice, so the customer is asked to try later instead.
        throw new SplynxUnavailable(
            kind + " " + reference + " was made but the billing system does not show it yet");
      }
      journal.tryAgain(reference);
      LOG.log(
          Level.INFO,
          "{0} {1} for account {2}: the earlier attempt did not reach the billing system; trying"
              + " again",
          new Object[] {kind, reference, accountId});
    }
    try {
      T result = make.get();
      journal.done(reference, outcome.apply(result));
      return result;
    } catch (RefillCardRejected | PlanChangeRefused refused) {
      journal.refused(reference, refused.getMessage());
      throw refused;
    }
  }

  private Optional<AccountChange> start(
      AccountChange.Kind kind,
      String reference,
      String accountId,
      String requestedBy,
      String detail) {
    try {
      return journal.start(reference, kind, accountId, requestedBy, detail);
    } catch (RuntimeException e) {
      if (!UniqueViolation.causes(e)) {
        throw e;
      }
      // The same request started at the same moment elsewhere: treat it as the earlier attempt.
      return journal.find(reference);
    }
  }

  private static RuntimeException refusal(AccountChange.Kind kind, String reason) {
    return switch (kind) {
      case RECHARGE -> new RefillCardRejected(reason);
      case PLAN_CHANGE -> new PlanChangeRefused(reason);
      default -> new SplynxUnavailable(kind + " was refused: " + reason);
    };
  }

  /** A card code is as good as money until redeemed: the audit keeps only its last four. */
  static String masked(String code) {
    if (code == null || code.length() <= 4) {
      return "****";
    }
    return "****" + code.substring(code.length() - 4);
  }
}
