package org.ispchat.splynx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.PhoneNumber;
import org.ispchat.chat.PhoneSettings;

/**
 * The billing system as a sandbox: demo customers, plans, refill cards and tickets in ispchat's own
 * database (schema V3), answering as Splynx would, so the bot behaves the same on both.
 *
 * <p>A change runs in its own transaction, as a call to Splynx commits on Splynx whatever becomes
 * of the caller's: so a retried request meets the change through its {@code find...} twin exactly
 * as it would live. Dates are the server's ("today" is in its time zone), as Splynx's are its own.
 */
@ApplicationScoped
@Typed(SandboxAccounts.class)
public class SandboxAccounts implements SplynxAccounts {

  private static final Logger LOG = Logger.getLogger(SandboxAccounts.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject PhoneSettings phones;

  @Override
  public boolean sandbox() {
    return true;
  }

  @Override
  public List<Account> findByPhone(String internationalDigits) {
    return em.createQuery("select c from SandboxCustomer c order by c.id", SandboxCustomer.class)
        .getResultStream()
        .filter(c -> PhoneNumber.sameNumber(c.phone(), internationalDigits, phones.region()))
        .map(SandboxCustomer::asAccount)
        .toList();
  }

  @Override
  public Optional<Account> account(String accountId) {
    return Optional.ofNullable(em.find(SandboxCustomer.class, accountId))
        .map(SandboxCustomer::asAccount);
  }

  @Override
  public Optional<Account> signIn(String login, String password) {
    if (login == null || password == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "select c from SandboxCustomer c where c.login = :login", SandboxCustomer.class)
        .setParameter("login", login.strip())
        .getResultStream()
        .filter(c -> c.hasPassword(password))
        .findFirst()
        .map(SandboxCustomer::asAccount);
  }

  @Override
  public Balance balance(String accountId) {
    SandboxCustomer customer = customer(accountId);
    LocalDate today = today();
    BigDecimal monthlyCost =
        current(accountId, today).stream()
            .map(SandboxSubscription::price)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return customer.balance(monthlyCost, today);
  }

  @Override
  public List<Subscription> subscriptions(String accountId) {
    return current(accountId, today()).stream().map(SandboxSubscription::asSubscription).toList();
  }

  @Override
  public Usage usage(Subscription subscription) {
    return subscription(subscription.id()).usage();
  }

  @Override
  public Session session(String accountId) {
    return customer(accountId).session(zone());
  }

  @Override
  public List<Plan> plansOffered(Account account, Subscription subscription) {
    return offered(account.billing(), subscription(subscription.id()).plan()).stream()
        .map(SandboxPlan::asPlan)
        .toList();
  }

  @Override
  public LocalDate earliestPlanChange(Subscription subscription) {
    return today().plusDays(1);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public PlanChange changePlan(
      Subscription subscription, Plan plan, LocalDate from, String reference) {
    SandboxSubscription old =
        em.find(SandboxSubscription.class, id(subscription.id()), LockModeType.PESSIMISTIC_WRITE);
    if (old == null) {
      throw new PlanChangeRefused("no subscription " + subscription.id());
    }
    SandboxCustomer customer = customer(old.customerId());
    SandboxPlan target =
        offered(customer.asAccount().billing(), old.plan()).stream()
            .filter(p -> p.id().equals(plan.id()))
            .findFirst()
            .orElseThrow(() -> new PlanChangeRefused("plan " + plan.id() + " is not offered"));
    LocalDate earliest = today().plusDays(1);
    if (from.isBefore(earliest)) {
      throw new PlanChangeRefused("the earliest change is on " + earliest);
    }
    SandboxSubscription next = old.changeTo(target, from, reference);
    em.persist(next);
    em.flush();
    LOG.log(
        Level.INFO,
        "Sandbox: subscription {0} of customer {1} changes to plan {2} as subscription {3} from {4}"
            + " (request {5})",
        new Object[] {old.id(), customer.id(), target.id(), next.id(), from, reference});
    return next.asPlanChange();
  }

  @Override
  public Optional<PlanChange> findPlanChange(
      Subscription subscription, String planId, LocalDate from) {
    return em.createQuery(
            "select s from SandboxSubscription s where s.customerId = :customer"
                + " and s.plan.id = :plan and s.starts = :from order by s.id",
            SandboxSubscription.class)
        .setParameter("customer", subscription.accountId())
        .setParameter("plan", planId)
        .setParameter("from", from)
        .getResultStream()
        .findFirst()
        .map(SandboxSubscription::asPlanChange);
  }

  /**
   * Redeems the card under its row lock, then credits the customer under theirs (always in this
   * order): of two nodes racing on one card, the second finds it used.
   */
  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Recharge recharge(Account account, String cardCode, String reference) {
    SandboxRefillCard card =
        card(cardCode, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> new RefillCardRejected("no such refill card"));
    Instant now = clock.instant();
    card.redeem(account.id(), now, today());
    SandboxCustomer customer =
        em.find(SandboxCustomer.class, account.id(), LockModeType.PESSIMISTIC_WRITE);
    if (customer == null) {
      throw new SplynxUnavailable("the sandbox has no customer " + account.id());
    }
    customer.credit(card.amount());
    em.persist(
        new SandboxPayment(
            customer.id(), card.amount(), now, "Refill card " + card.code(), reference));
    LOG.log(
        Level.INFO,
        "Sandbox: refill card of {0} redeemed by customer {1} (request {2})",
        new Object[] {card.amount(), customer.id(), reference});
    return new Recharge(card.amount(), customer.deposit());
  }

  @Override
  public Optional<Recharge> findRecharge(Account account, String cardCode, Instant since) {
    return card(cardCode, LockModeType.NONE)
        .filter(c -> c.redeemedBy(account.id(), since))
        .map(c -> new Recharge(c.amount(), customer(account.id()).deposit()));
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Ticket openTicket(Account account, String subject, String message, String reference) {
    SandboxTicket ticket = new SandboxTicket(account.id(), subject, reference, clock.instant());
    em.persist(ticket);
    em.flush();
    em.persist(
        new SandboxTicketMessage(
            ticket, SandboxTicketMessage.Author.CUSTOMER, message, reference, clock.instant()));
    LOG.log(
        Level.INFO,
        "Sandbox: ticket {0} opened for customer {1} (request {2})",
        new Object[] {ticket.id(), account.id(), reference});
    return ticket.asTicket();
  }

  @Override
  public Optional<Ticket> findTicket(Account account, String reference) {
    return em.createQuery(
            "select t from SandboxTicket t where t.customerId = :customer"
                + " and t.reference = :reference order by t.id",
            SandboxTicket.class)
        .setParameter("customer", account.id())
        .setParameter("reference", reference)
        .getResultStream()
        .findFirst()
        .map(SandboxTicket::asTicket);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void addToTicket(String accountId, String ticketId, String message, String reference) {
    SandboxTicket ticket = ticket(ticketId);
    em.persist(
        new SandboxTicketMessage(
            ticket, SandboxTicketMessage.Author.CUSTOMER, message, reference, clock.instant()));
  }

  @Override
  public boolean ticketHasMessage(String ticketId, String reference) {
    return !em.createQuery(
            "select m.id from SandboxTicketMessage m where m.ticketId = :ticket"
                + " and m.reference = :reference",
            Long.class)
        .setParameter("ticket", id(ticketId))
        .setParameter("reference", reference)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public TicketNews ticketNews(String ticketId, String afterMessageId) {
    SandboxTicket ticket = ticket(ticketId);
    List<TicketNews.AgentMessage> news =
        em.createQuery(
                "select m from SandboxTicketMessage m where m.ticketId = :ticket"
                    + " and m.author = :agent and m.id > :after order by m.id",
                SandboxTicketMessage.class)
            .setParameter("ticket", ticket.id())
            .setParameter("agent", SandboxTicketMessage.Author.AGENT)
            .setParameter("after", afterMessageId == null ? 0L : id(afterMessageId))
            .getResultStream()
            .map(m -> m.asAgentMessage(zone()))
            .toList();
    return new TicketNews(news, ticket.closed());
  }

  /** An agent answers in the ticket (the console's sandbox view and tests play the agent). */
  @Transactional
  public void agentReply(String ticketId, String text) {
    em.persist(
        new SandboxTicketMessage(
            ticket(ticketId), SandboxTicketMessage.Author.AGENT, text, null, clock.instant()));
  }

  /** An agent closes the ticket. */
  @Transactional
  public void closeTicket(String ticketId) {
    ticket(ticketId).close();
    LOG.log(Level.INFO, "Sandbox: ticket {0} closed", ticketId);
  }

  private List<SandboxPlan> offered(Billing billing, SandboxPlan current) {
    return em.createQuery("select p from SandboxPlan p", SandboxPlan.class).getResultList().stream()
        .filter(p -> current.allowsChangeTo(p) && p.soldFor(billing))
        .sorted(Comparator.comparing(SandboxPlan::price).thenComparing(SandboxPlan::id))
        .toList();
  }

  private List<SandboxSubscription> current(String accountId, LocalDate today) {
    return em.createQuery(
            "select s from SandboxSubscription s where s.customerId = :customer order by s.id",
            SandboxSubscription.class)
        .setParameter("customer", accountId)
        .getResultStream()
        .filter(s -> s.currentOn(today))
        .toList();
  }

  private Optional<SandboxRefillCard> card(String code, LockModeType lock) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return em.createQuery(
            "select c from SandboxRefillCard c where c.code = :code", SandboxRefillCard.class)
        .setParameter("code", code.strip())
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  private SandboxCustomer customer(String accountId) {
    SandboxCustomer customer = em.find(SandboxCustomer.class, accountId);
    if (customer == null) {
      throw new SplynxUnavailable("the sandbox has no customer " + accountId);
    }
    return customer;
  }

  private SandboxSubscription subscription(String subscriptionId) {
    SandboxSubscription subscription = em.find(SandboxSubscription.class, id(subscriptionId));
    if (subscription == null) {
      throw new SplynxUnavailable("the sandbox has no subscription " + subscriptionId);
    }
    return subscription;
  }

  private SandboxTicket ticket(String ticketId) {
    SandboxTicket ticket = em.find(SandboxTicket.class, id(ticketId));
    if (ticket == null) {
      throw new SplynxUnavailable("the sandbox has no ticket " + ticketId);
    }
    return ticket;
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id.strip());
    } catch (RuntimeException e) {
      throw new SplynxUnavailable("not a sandbox id: " + id, e);
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone());
  }

  private static ZoneId zone() {
    return ZoneId.systemDefault();
  }
}
