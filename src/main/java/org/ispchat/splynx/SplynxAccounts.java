package org.ispchat.splynx;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The billing system as the customer bot needs it, in the ISP's words. Two implementations: the
 * live one over Splynx's REST API, and the sandbox over demo data in ispchat's own database (used
 * when {@code splynx.url} is unset).
 *
 * <p>Every method may throw {@link SplynxUnavailable} (down, slow, refusing our key, or our own
 * circuit breaker open) or its subclass {@link SplynxBusy} (our bulkhead is full: try again in a
 * moment). Methods that change data take a {@code reference}, a short id of the customer's request
 * (e.g. {@code ispchat-42}), and each has a {@code find...} twin that answers, from Splynx's own
 * data, whether that change already happened: that is how a retried request avoids doing it twice.
 */
public interface SplynxAccounts {

  /** Whether this is the sandbox (demo data), for the startup report and the README's promise. */
  boolean sandbox();

  /**
   * Every account whose phone field holds this number. {@code internationalDigits} is what WhatsApp
   * gives ({@code 218912345678}); the field may hold several numbers, local or international, with
   * spaces, dashes and {@code +}: each is compared after normalising.
   */
  List<Account> findByPhone(String internationalDigits);

  /** The account, or empty when the billing system no longer has it. */
  Optional<Account> account(String accountId);

  /**
   * The account whose customer-portal login and password these are, or empty when refused. The
   * password is neither stored nor logged.
   */
  Optional<Account> signIn(String login, String password);

  Balance balance(String accountId);

  /** The account's current internet subscriptions: active, started and not ended. */
  List<Subscription> subscriptions(String accountId);

  Usage usage(Subscription subscription);

  Session session(String accountId);

  /** The plans this subscription may change to: those the billing system offers this customer. */
  List<Plan> plansOffered(Account account, Subscription subscription);

  /** The first day a plan change may take effect. */
  LocalDate earliestPlanChange(Subscription subscription);

  /** Changes the plan from {@code from}; throws {@link PlanChangeRefused} when not allowed. */
  PlanChange changePlan(Subscription subscription, Plan plan, LocalDate from, String reference);

  /** The change to {@code planId} starting {@code from}, if it was already made. */
  Optional<PlanChange> findPlanChange(Subscription subscription, String planId, LocalDate from);

  /**
   * Redeems a refill card for the account; throws {@link RefillCardRejected} for an unknown, used,
   * expired or disabled code.
   */
  Recharge recharge(Account account, String cardCode, String reference);

  /** The redemption of this card by this account since {@code since}, if it happened. */
  Optional<Recharge> findRecharge(Account account, String cardCode, Instant since);

  /** Opens a support ticket for the account, its first message being {@code message}. */
  Ticket openTicket(Account account, String subject, String message, String reference);

  /** The ticket opened for this request, if it was. */
  Optional<Ticket> findTicket(Account account, String reference);

  /** Adds the account's customer's message to the account's ticket. */
  void addToTicket(String accountId, String ticketId, String message, String reference);

  /** Whether the ticket already holds the message sent with this reference. */
  boolean ticketHasMessage(String ticketId, String reference);

  /** The agents' messages after {@code afterMessageId} (null: all), and whether it is closed. */
  TicketNews ticketNews(String ticketId, String afterMessageId);
}
