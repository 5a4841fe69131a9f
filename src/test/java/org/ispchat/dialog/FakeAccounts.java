package org.ispchat.dialog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ispchat.splynx.Account;
import org.ispchat.splynx.AccountStatus;
import org.ispchat.splynx.Balance;
import org.ispchat.splynx.Billing;
import org.ispchat.splynx.Plan;
import org.ispchat.splynx.PlanChange;
import org.ispchat.splynx.PlanChangeRefused;
import org.ispchat.splynx.Recharge;
import org.ispchat.splynx.RefillCardRejected;
import org.ispchat.splynx.Session;
import org.ispchat.splynx.SplynxAccounts;
import org.ispchat.splynx.SplynxUnavailable;
import org.ispchat.splynx.Subscription;
import org.ispchat.splynx.Ticket;
import org.ispchat.splynx.TicketNews;
import org.ispchat.splynx.Usage;

/**
 * The billing system in memory, for unit tests of the dialog: accounts by exact phone number,
 * counted calls, and a switch that makes every call fail as if Splynx were down.
 */
class FakeAccounts implements SplynxAccounts {

  final Map<String, Account> accounts = new LinkedHashMap<>();
  final Map<String, List<String>> phones = new HashMap<>();
  final Map<String, String> passwords = new HashMap<>();
  final Map<String, BigDecimal> deposits = new HashMap<>();
  final Map<String, Subscription> subscriptions = new HashMap<>();
  final Map<String, List<Plan>> offers = new HashMap<>();
  final Map<String, BigDecimal> cards = new HashMap<>();
  final Map<String, String> usedCards = new HashMap<>();
  final Map<String, Usage> usage = new HashMap<>();
  final Map<String, Session> sessions = new HashMap<>();
  final List<String> tickets = new ArrayList<>();
  final Map<String, List<String>> ticketMessages = new HashMap<>();
  final Map<String, AtomicInteger> calls = new HashMap<>();
  LocalDate earliest = LocalDate.parse("2026-12-01");
  boolean down;

  Account add(String id, String login, String name, String phone, String deposit) {
    Account a =
        new Account(id, login, name, AccountStatus.ACTIVE, Billing.PREPAID_MONTHLY, "1", phone);
    accounts.put(id, a);
    phones.computeIfAbsent(phone, p -> new ArrayList<>()).add(id);
    deposits.put(id, new BigDecimal(deposit));
    return a;
  }

  int calls(String method) {
    AtomicInteger n = calls.get(method);
    return n == null ? 0 : n.get();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private void call(String method) {
    if (down) {
      throw new SplynxUnavailable("Splynx is down (test)");
    }
    calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public boolean sandbox() {
    return false;
  }

  @Override
  public List<Account> findByPhone(String internationalDigits) {
    call("findByPhone");
    return phones.getOrDefault(internationalDigits, List.of()).stream().map(accounts::get).toList();
  }

  @Override
  public Optional<Account> account(String accountId) {
    call("account");
    return Optional.ofNullable(accounts.get(accountId));
  }

  @Override
  public Optional<Account> signIn(String login, String password) {
    call("signIn");
    return accounts.values().stream()
        .filter(a -> a.login().equals(login) && password.equals(passwords.get(a.id())))
        .findFirst();
  }

  @Override
  public Balance balance(String accountId) {
    call("balance");
    return new Balance(deposits.get(accountId), LocalDate.parse("2026-12-31"));
  }

  @Override
  public List<Subscription> subscriptions(String accountId) {
    call("subscriptions");
    Subscription s = subscriptions.get(accountId);
    return s == null ? List.of() : List.of(s);
  }

  @Override
  public Usage usage(Subscription subscription) {
    call("usage");
    return usage.getOrDefault(subscription.id(), new Usage(0, null));
  }

  @Override
  public Session session(String accountId) {
    call("session");
    return sessions.getOrDefault(accountId, Session.offline());
  }

  @Override
  public List<Plan> plansOffered(Account account, Subscription subscription) {
    call("plansOffered");
    return offers.getOrDefault(subscription.id(), List.of());
  }

  @Override
  public LocalDate earliestPlanChange(Subscription subscription) {
    call("earliestPlanChange");
    return earliest;
  }

  final List<String> planChanges = new ArrayList<>();

  @Override
  public PlanChange changePlan(
      Subscription subscription, Plan plan, LocalDate from, String reference) {
    call("changePlan");
    boolean offered =
        offers.getOrDefault(subscription.id(), List.of()).stream()
            .anyMatch(p -> p.id().equals(plan.id()));
    if (!offered) {
      throw new PlanChangeRefused("plan " + plan.id() + " is not offered");
    }
    planChanges.add(subscription.id() + "->" + plan.id() + "@" + from);
    return new PlanChange("new-" + plan.id(), from);
  }

  @Override
  public Optional<PlanChange> findPlanChange(
      Subscription subscription, String planId, LocalDate from) {
    call("findPlanChange");
    return planChanges.contains(subscription.id() + "->" + planId + "@" + from)
        ? Optional.of(new PlanChange("new-" + planId, from))
        : Optional.empty();
  }

  @Override
  public Recharge recharge(Account account, String cardCode, String reference) {
    call("recharge");
    BigDecimal value = cards.get(cardCode);
    if (value == null || usedCards.containsKey(cardCode)) {
      throw new RefillCardRejected("card unknown or used");
    }
    usedCards.put(cardCode, account.id());
    BigDecimal balance = deposits.get(account.id()).add(value);
    deposits.put(account.id(), balance);
    return new Recharge(value, balance);
  }

  @Override
  public Optional<Recharge> findRecharge(Account account, String cardCode, Instant since) {
    call("findRecharge");
    return account.id().equals(usedCards.get(cardCode))
        ? Optional.of(new Recharge(cards.get(cardCode), deposits.get(account.id())))
        : Optional.empty();
  }

  @Override
  public Ticket openTicket(Account account, String subject, String message, String reference) {
    call("openTicket");
    tickets.add(reference);
    String id = String.valueOf(tickets.size());
    ticketMessages.put(id, new ArrayList<>(List.of(message)));
    return new Ticket(id, false);
  }

  @Override
  public Optional<Ticket> findTicket(Account account, String reference) {
    call("findTicket");
    int i = tickets.indexOf(reference);
    return i < 0 ? Optional.empty() : Optional.of(new Ticket(String.valueOf(i + 1), false));
  }

  @Override
  public void addToTicket(String accountId, String ticketId, String message, String reference) {
    call("addToTicket");
    ticketMessages.get(ticketId).add(message + " #" + reference);
  }

  @Override
  public boolean ticketHasMessage(String ticketId, String reference) {
    call("ticketHasMessage");
    return ticketMessages.get(ticketId).stream().anyMatch(m -> m.endsWith("#" + reference));
  }

  @Override
  public TicketNews ticketNews(String ticketId, String afterMessageId) {
    call("ticketNews");
    return new TicketNews(List.of(), false);
  }
}
