package org.ispchat.splynx;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.ispchat.chat.PhoneNumber;

/**
 * The billing system over Splynx's REST API. Not itself a {@link SplynxAccounts} bean: the
 * application chooses between this and the sandbox by {@code splynx.url}.
 *
 * <p>Every Splynx name stays here and in {@link Splynx}; callers get the port's records and its
 * three exceptions. Reads are logged at FINE, each change once at INFO with the customer and the
 * request's reference.
 */
@ApplicationScoped
@Typed(LiveAccounts.class)
public class LiveAccounts implements SplynxAccounts {

  private static final Logger LOG = Logger.getLogger(LiveAccounts.class.getName());

  /** How long a tariff read from Splynx is trusted: tariffs change rarely. */
  static final Duration PLAN_CACHE = Duration.ofMinutes(5);

  /** Digits of the WhatsApp number that the Splynx phone search looks for (LIKE, a substring). */
  static final int PHONE_SEARCH_DIGITS = 8;

  private static final String INTERNET = "internet";

  private SplynxCalls calls;
  private SplynxSettings settings;
  private Clock clock;
  private final Map<String, Cached<Plan>> plans = new ConcurrentHashMap<>();
  private volatile String firstTicketType;

  protected LiveAccounts() {}

  @Inject
  LiveAccounts(SplynxCalls calls, SplynxSettings settings, Clock clock) {
    this.calls = calls;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public boolean sandbox() {
    return false;
  }

  // --- accounts ---

  @Override
  public List<Account> findByPhone(String internationalDigits) {
    String digits = internationalDigits == null ? "" : internationalDigits.replaceAll("\\D", "");
    if (digits.length() < 6) {
      return List.of();
    }
    String tail = digits.substring(Math.max(0, digits.length() - PHONE_SEARCH_DIGITS));
    List<Account> accounts = new ArrayList<>();
    for (var json : list("customers by phone", api -> api.customersWherePhone("LIKE", tail))) {
      Splynx.Customer customer = Splynx.Customer.from(json);
      if (holdsNumber(customer.phone(), digits, settings.phoneRegion())) {
        accounts.add(account(customer));
      }
    }
    return accounts;
  }

  /**
   * Whether the phone field (free-form, possibly several numbers) holds this number, each part read
   * with the ISP's region as libphonenumber does.
   */
  static boolean holdsNumber(String phoneField, String internationalDigits, String region) {
    return phoneField != null && PhoneNumber.sameNumber(phoneField, internationalDigits, region);
  }

  @Override
  public Optional<Account> account(String accountId) {
    return find("customer " + accountId, api -> api.customer(accountId))
        .map(json -> account(Splynx.Customer.from(SplynxJson.object(json))));
  }

  @Override
  public Optional<Account> signIn(String login, String password) {
    if (login == null || login.isBlank() || password == null || password.isEmpty()) {
      return Optional.empty();
    }
    long started = System.nanoTime();
    boolean accepted = guarded(() -> calls.customerSignIn(login.strip(), password));
    LOG.log(
        Level.INFO,
        "Splynx customer sign-in of login {0}: {1} in {2} ms",
        new Object[] {login.strip(), accepted ? "accepted" : "refused", millis(started)});
    if (!accepted) {
      return Optional.empty();
    }
    return list("customer by login", api -> api.customersWhereLogin(login.strip())).stream()
        .map(Splynx.Customer::from)
        .filter(c -> c.login().equalsIgnoreCase(login.strip()))
        .findFirst()
        .map(LiveAccounts::account);
  }

  static Account account(Splynx.Customer customer) {
    return new Account(
        customer.id(),
        customer.login(),
        customer.name(),
        status(customer.status()),
        billing(customer.billingType()),
        customer.partnerId(),
        customer.phone());
  }

  static AccountStatus status(String splynxStatus) {
    return switch (splynxStatus.strip().toLowerCase(Locale.ROOT)) {
      case "new" -> AccountStatus.NEW;
      case "active" -> AccountStatus.ACTIVE;
      case "blocked" -> AccountStatus.BLOCKED;
      default -> AccountStatus.INACTIVE; // "disabled", and anything newer we do not know
    };
  }

  static Billing billing(String billingType) {
    return switch (billingType.strip().toLowerCase(Locale.ROOT)) {
      case "prepaid" -> Billing.PREPAID_DAILY;
      case "prepaid_monthly" -> Billing.PREPAID_MONTHLY;
      default -> Billing.RECURRING;
    };
  }

  static String billingType(Billing billing) {
    return switch (billing) {
      case PREPAID_DAILY -> "prepaid";
      case PREPAID_MONTHLY -> "prepaid_monthly";
      case RECURRING -> "recurring";
    };
  }

  // --- balance, subscriptions, usage, session ---

  @Override
  public Balance balance(String accountId) {
    try {
      Splynx.BillingInfo info =
          Splynx.BillingInfo.from(
              SplynxJson.object(
                  raw("billing info of customer " + accountId, api -> api.billingInfo(accountId))));
      if (info.deposit() != null) {
        return new Balance(info.deposit(), info.blockingDate());
      }
    } catch (SplynxNotFound | SplynxRejected e) {
      LOG.log(
          Level.FINE,
          "Splynx billing-info unusable, reading customer-billing: {0}",
          e.getMessage());
    }
    Splynx.CustomerBilling billing =
        Splynx.CustomerBilling.from(
            SplynxJson.object(
                read("billing of customer " + accountId, api -> api.customerBilling(accountId))));
    if (billing.deposit() == null) {
      throw new SplynxUnavailable(
          "Splynx's customer-billing of customer " + accountId + " holds no deposit");
    }
    return new Balance(billing.deposit(), null);
  }

  @Override
  public List<Subscription> subscriptions(String accountId) {
    LocalDate today = today();
    List<Subscription> current = new ArrayList<>();
    for (Splynx.InternetService service : internetServices(accountId)) {
      if (isCurrent(service, today)) {
        current.add(subscription(service));
      }
    }
    return current;
  }

  /** The "current plan" rule: active, started, and endless or not yet ended. */
  static boolean isCurrent(Splynx.InternetService service, LocalDate today) {
    return "active".equalsIgnoreCase(service.status().strip())
        && service.startDate() != null
        && !service.startDate().isAfter(today)
        && (service.endDate() == null || !service.endDate().isBefore(today));
  }

  private List<Splynx.InternetService> internetServices(String accountId) {
    return list(
            "internet services of customer " + accountId, api -> api.internetServices(accountId))
        .stream()
        .map(Splynx.InternetService::from)
        .toList();
  }

  private Subscription subscription(Splynx.InternetService service) {
    Plan plan = plan(service.tariffId(), service);
    return new Subscription(
        service.id(),
        service.customerId(),
        plan,
        service.unitPrice() == null ? plan.price() : service.unitPrice(),
        service.startDate(),
        service.endDate(),
        service.login());
  }

  /** The tariff, from the app-wide cache when read in the last five minutes. */
  private Plan plan(String tariffId, Splynx.InternetService service) {
    Instant now = clock.instant();
    Cached<Plan> cached = plans.get(tariffId);
    if (cached != null && cached.fresh(now)) {
      return cached.value();
    }
    Optional<JsonValue> tariff =
        find("internet tariff " + tariffId, api -> api.internetTariff(tariffId));
    if (tariff.isEmpty()) {
      // A tariff the key may not see any more: name it as the service does, at the service's price.
      return new Plan(
          tariffId,
          service.description(),
          0,
          0,
          service.unitPrice() == null ? BigDecimal.ZERO : service.unitPrice());
    }
    Plan plan = plan(Splynx.InternetTariff.from(SplynxJson.object(tariff.get())));
    plans.put(tariffId, new Cached<>(plan, now.plus(PLAN_CACHE)));
    return plan;
  }

  static Plan plan(Splynx.InternetTariff tariff) {
    return new Plan(
        tariff.id(),
        tariff.title(),
        tariff.speedDownload(),
        tariff.speedUpload(),
        tariff.price() == null ? BigDecimal.ZERO : tariff.price());
  }

  @Override
  public Usage usage(Subscription subscription) {
    String sid = subscription.id();
    try {
      Splynx.FupUsage usage =
          Splynx.FupUsage.from(
              SplynxJson.object(raw("FUP usage of service " + sid, api -> api.fupUsage(sid))));
      // Assumed from the API blueprint, unverified on a live Splynx: traffic_amount is the cap in
      // bytes (0 = no cap, i.e. unlimited), used_amount what was used this period, and
      // remains_amount what is left; when remains_amount is missing it is cap minus used.
      if (usage.trafficAmount() <= 0) {
        return new Usage(usage.usedAmount(), null);
      }
      long remains =
          usage.remainsAmount() != null
              ? usage.remainsAmount()
              : Math.max(0, usage.trafficAmount() - usage.usedAmount());
      return new Usage(usage.usedAmount(), remains);
    } catch (SplynxNotFound | SplynxRejected e) {
      // No FUP for this plan: unlimited; what was used comes from this month's daily counters.
      return new Usage(monthTraffic(sid), null);
    }
  }

  private long monthTraffic(String serviceId) {
    LocalDate today = today();
    // Splynx answers 404 when there are no counters: an empty list.
    return list(
            "traffic counter of service " + serviceId,
            api ->
                api.customerTrafficCounter(
                    serviceId, "BETWEEN", today.withDayOfMonth(1).toString(), today.toString()))
        .stream()
        .map(Splynx.TrafficCounter::from)
        .filter(day -> day.serviceId().isEmpty() || day.serviceId().equals(serviceId))
        .mapToLong(day -> day.up() + day.down())
        .sum();
  }

  @Override
  public Session session(String accountId) {
    List<Splynx.CustomerOnline> sessions =
        list("online sessions of customer " + accountId, api -> api.customersOnline(accountId))
            .stream()
            .map(Splynx.CustomerOnline::from)
            .filter(s -> s.customerId().isEmpty() || s.customerId().equals(accountId))
            .toList();
    if (sessions.isEmpty()) {
      return Session.offline();
    }
    // in_bytes is what the customer downloaded, as customer-statistics labels it ("Download
    // bytes").
    LocalDateTime since =
        sessions.stream()
            .map(Splynx.CustomerOnline::startSession)
            .filter(t -> t != null)
            .min(Comparator.naturalOrder())
            .orElse(null);
    String address =
        sessions.stream()
            .map(Splynx.CustomerOnline::ipv4)
            .filter(ip -> !ip.isBlank())
            .findFirst()
            .orElse(null);
    return new Session(
        true,
        since,
        address,
        sessions.stream().mapToLong(Splynx.CustomerOnline::inBytes).sum(),
        sessions.stream().mapToLong(Splynx.CustomerOnline::outBytes).sum());
  }

  // --- plan change ---

  @Override
  public List<Plan> plansOffered(Account account, Subscription subscription) {
    String tariffId = subscription.plan().id();
    String billingType = billingType(account.billing());
    List<Plan> offered = new ArrayList<>();
    Instant now = clock.instant();
    for (var json :
        list(
            "tariffs for change from " + tariffId,
            api -> api.tariffsForChange(INTERNET, tariffId))) {
      Splynx.InternetTariff tariff = Splynx.InternetTariff.from(json);
      if (tariff.id().isEmpty() || tariff.id().equals(tariffId)) {
        continue;
      }
      if (!tariff.billingTypes().isEmpty() && !tariff.billingTypes().contains(billingType)) {
        continue;
      }
      Plan plan = plan(tariff);
      plans.put(plan.id(), new Cached<>(plan, now.plus(PLAN_CACHE)));
      offered.add(plan);
    }
    return offered;
  }

  @Override
  public LocalDate earliestPlanChange(Subscription subscription) {
    String sid = subscription.id();
    LocalDate target =
        Splynx.ChangeTariff.from(
                SplynxJson.object(
                    read(
                        "plan change date of service " + sid,
                        api -> api.changeTariffTarget(sid, INTERNET))))
            .targetDate();
    LocalDate today = today();
    return target == null || target.isBefore(today) ? today : target;
  }

  @Override
  public PlanChange changePlan(
      Subscription subscription, Plan plan, LocalDate from, String reference) {
    String sid = subscription.id();
    var body =
        JSON.createObjectBuilder()
            .add("newTariffId", number(plan.id()))
            .add("targetDate", from.toString())
            .add("description", plan.name() + " (ispchat " + reference + ")")
            .build();
    long started = System.nanoTime();
    try {
      JsonValue answer =
          change("plan change of service " + sid, api -> api.changeTariff(sid, INTERNET, body));
      PlanChange made = new PlanChange(SplynxJson.createdId(answer), from);
      logChange(
          "plan change to " + plan.id(), subscription.accountId(), reference, "made", started);
      return made;
    } catch (SplynxRejected | SplynxNotFound e) {
      logChange(
          "plan change to " + plan.id(), subscription.accountId(), reference, "refused", started);
      throw new PlanChangeRefused(e instanceof SplynxRejected r ? r.reason() : e.getMessage());
    } catch (RuntimeException e) {
      logChange(
          "plan change to " + plan.id(), subscription.accountId(), reference, "failed", started);
      throw e;
    }
  }

  @Override
  public Optional<PlanChange> findPlanChange(
      Subscription subscription, String planId, LocalDate from) {
    return internetServices(subscription.accountId()).stream()
        .filter(s -> s.tariffId().equals(planId))
        .filter(s -> from.equals(s.startDate()))
        .filter(
            s ->
                "pending".equalsIgnoreCase(s.status().strip())
                    || "active".equalsIgnoreCase(s.status().strip()))
        .findFirst()
        .map(s -> new PlanChange(s.id(), from));
  }

  // --- refill cards ---

  @Override
  public Recharge recharge(Account account, String cardCode, String reference) {
    String code = cardCode.strip();
    var body =
        JSON.createObjectBuilder().add("code", code).add("customer_id", account.id()).build();
    long started = System.nanoTime();
    try {
      change("refill card redemption", api -> api.redeemRefillCard(true, body));
    } catch (SplynxRejected | SplynxNotFound e) {
      logChange("refill card", account.id(), reference, "refused", started);
      throw new RefillCardRejected(e instanceof SplynxRejected r ? r.reason() : e.getMessage());
    } catch (RuntimeException e) {
      logChange("refill card", account.id(), reference, "failed", started);
      throw e;
    }
    logChange("refill card", account.id(), reference, "redeemed", started);
    return new Recharge(null, balance(account.id()).amount());
  }

  @Override
  public Optional<Recharge> findRecharge(Account account, String cardCode, Instant since) {
    String code = cardCode.strip();
    int dash = code.indexOf('-');
    if (dash > 0) {
      // The card itself says whether it was used, and by whom. A card can be used once, so a card
      // used by this account is this redemption; activated_at is Splynx's local time and is not
      // compared with since.
      String serie = code.substring(0, dash);
      boolean used =
          list("refill card series " + serie, api -> api.refillCardsSeries(serie)).stream()
              .map(Splynx.RefillCard::from)
              .anyMatch(
                  card ->
                      card.fullCode().equalsIgnoreCase(code)
                          && "used".equalsIgnoreCase(card.status().strip())
                          && card.customerId().equals(account.id()));
      return used
          ? Optional.of(new Recharge(null, balance(account.id()).amount()))
          : Optional.empty();
    }
    // A code without a series: look for the payment the redemption recorded, whose comment names
    // the card. A day earlier than since, because payment dates are Splynx's local dates.
    LocalDate fromDay = since.atZone(settings.timeZone()).toLocalDate().minusDays(1);
    Optional<Splynx.Payment> payment =
        list(
                "payments of customer " + account.id(),
                api -> api.paymentsSince(account.id(), ">=", fromDay.toString()))
            .stream()
            .map(Splynx.Payment::from)
            .filter(p -> p.customerId().isEmpty() || p.customerId().equals(account.id()))
            .filter(p -> p.comment().contains(code))
            .findFirst();
    return payment.map(p -> new Recharge(p.amount(), balance(account.id()).amount()));
  }

  // --- support tickets ---

  /** Appended to each message ispchat writes into a ticket, so that a retry can find it. */
  static String marker(String reference) {
    return " (ref " + reference + ")";
  }

  static String subject(String subject, String reference) {
    return subject + " [" + reference + "]";
  }

  @Override
  public Ticket openTicket(Account account, String subject, String message, String reference) {
    JsonObjectBuilder ticket =
        JSON.createObjectBuilder()
            .add("customer_id", account.id())
            .add("subject", subject(subject, reference))
            .add("priority", settings.ticketPriority())
            .add("type_id", ticketType())
            .add("reporter_type", "customer")
            .add("reporter_id", account.id())
            .add("source", "api");
    settings.ticketGroupId().ifPresent(group -> ticket.add("group_id", group));
    var body = ticket.build();
    long started = System.nanoTime();
    String ticketId;
    try {
      ticketId = SplynxJson.createdId(change("a support ticket", api -> api.createTicket(body)));
    } catch (SplynxRejected | SplynxNotFound e) {
      logChange("ticket", account.id(), reference, "refused", started);
      throw new SplynxUnavailable(
          e.getMessage()
              + ": check splynx.ticket.type-id, splynx.ticket.group-id and splynx.ticket.priority",
          e);
    }
    if (ticketId == null) {
      throw new SplynxUnavailable("Splynx created the ticket but did not answer its id");
    }
    logChange("ticket " + ticketId, account.id(), reference, "opened", started);
    // The first message carries the marker too: a retry after a lost answer can then ask
    // ticketHasMessage(ticketId, reference) before writing it again.
    postMessage(ticketId, account.id(), message, reference);
    return new Ticket(ticketId, false);
  }

  private String ticketType() {
    if (settings.ticketTypeId().isPresent()) {
      return settings.ticketTypeId().get();
    }
    String known = firstTicketType;
    if (known != null) {
      return known;
    }
    String first =
        list("ticket types", SplynxApi::ticketTypes).stream()
            .map(Splynx.TicketType::from)
            .map(Splynx.TicketType::id)
            .filter(id -> !id.isEmpty())
            .min(SplynxJson::compareIds)
            .orElseThrow(
                () ->
                    new SplynxUnavailable(
                        "Splynx lists no ticket types: create one (Config → Helpdesk) or set"
                            + " splynx.ticket.type-id"));
    firstTicketType = first;
    return first;
  }

  @Override
  public Optional<Ticket> findTicket(Account account, String reference) {
    String tag = "[" + reference + "]";
    return list("tickets of customer " + account.id(), api -> api.ticketsOfCustomer(account.id()))
        .stream()
        .map(Splynx.SupportTicket::from)
        .filter(t -> t.customerId().isEmpty() || t.customerId().equals(account.id()))
        .filter(t -> t.subject().contains(tag))
        .findFirst()
        .map(t -> new Ticket(t.id(), t.closed()));
  }

  @Override
  public void addToTicket(String accountId, String ticketId, String message, String reference) {
    postMessage(ticketId, accountId, message, reference);
  }

  private Splynx.SupportTicket ticket(String ticketId) {
    return find("ticket " + ticketId, api -> api.ticket(ticketId))
        .map(json -> Splynx.SupportTicket.from(SplynxJson.object(json)))
        .orElseThrow(() -> new SplynxUnavailable("Splynx no longer has ticket " + ticketId));
  }

  private void postMessage(String ticketId, String customerId, String message, String reference) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("ticket_id", ticketId)
            .add("message", message + marker(reference))
            .add("author_type", "customer");
    if (!customerId.isEmpty()) {
      json.add("customer_id", customerId);
    }
    var body = json.build();
    long started = System.nanoTime();
    try {
      change("a message in ticket " + ticketId, api -> api.createTicketMessage(body));
    } catch (SplynxRejected | SplynxNotFound e) {
      logChange("ticket message in " + ticketId, customerId, reference, "refused", started);
      throw new SplynxUnavailable(e.getMessage(), e);
    }
    logChange("ticket message in " + ticketId, customerId, reference, "added", started);
  }

  @Override
  public boolean ticketHasMessage(String ticketId, String reference) {
    String mark = marker(reference).strip();
    return messages(ticketId).stream().anyMatch(m -> m.message().contains(mark));
  }

  @Override
  public TicketNews ticketNews(String ticketId, String afterMessageId) {
    boolean closed = ticket(ticketId).closed();
    List<TicketNews.AgentMessage> news =
        messages(ticketId).stream()
            .filter(
                m -> afterMessageId == null || SplynxJson.compareIds(m.id(), afterMessageId) > 0)
            .filter(LiveAccounts::fromAgentToCustomer)
            .sorted((a, b) -> SplynxJson.compareIds(a.id(), b.id()))
            .map(m -> new TicketNews.AgentMessage(m.id(), PlainText.fromHtml(m.message()), m.at()))
            .toList();
    return new TicketNews(news, closed);
  }

  /** An agent's message the customer may see: not a note, not hidden, not the customer's own. */
  static boolean fromAgentToCustomer(Splynx.TicketMessage message) {
    String type = message.messageType().strip().toLowerCase(Locale.ROOT);
    return "admin".equalsIgnoreCase(message.authorType().strip())
        && (type.isEmpty() || type.equals("message"))
        && !message.hideForCustomer();
  }

  private List<Splynx.TicketMessage> messages(String ticketId) {
    return list("messages of ticket " + ticketId, api -> api.ticketMessages(ticketId)).stream()
        .map(Splynx.TicketMessage::from)
        .filter(m -> m.ticketId().isEmpty() || m.ticketId().equals(ticketId))
        .toList();
  }

  // --- calls ---

  /** A read whose 404 or 4xx is an answer the caller handles. */
  private JsonValue raw(String what, Function<SplynxApi, Response> call) {
    long started = System.nanoTime();
    JsonValue answer = guarded(() -> calls.read(what, call));
    LOG.log(Level.FINE, "Splynx read {0} in {1} ms", new Object[] {what, millis(started)});
    return answer;
  }

  /** A read that must succeed: a 404 or other refusal means Splynx cannot serve the bot. */
  private JsonValue read(String what, Function<SplynxApi, Response> call) {
    try {
      return raw(what, call);
    } catch (SplynxNotFound | SplynxRejected e) {
      throw new SplynxUnavailable(e.getMessage(), e);
    }
  }

  /** A read of one thing that may not exist (404). */
  private Optional<JsonValue> find(String what, Function<SplynxApi, Response> call) {
    try {
      return Optional.of(read(what, call));
    } catch (SplynxUnavailable e) {
      if (e.getCause() instanceof SplynxNotFound) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** A list; Splynx answers some empty lists with 404. */
  private List<JsonObject> list(String what, Function<SplynxApi, Response> call) {
    return find(what, call).map(SplynxJson::objects).orElse(List.of());
  }

  /** A change: its 404 or 4xx is the billing system's refusal, for the caller to name. */
  private JsonValue change(String what, Function<SplynxApi, Response> call) {
    return guarded(() -> calls.change(what, call));
  }

  /** Turns the fault-tolerance outcomes into the port's exceptions; nothing else is caught. */
  private <T> T guarded(Supplier<T> call) {
    try {
      return call.get();
    } catch (BulkheadException e) {
      throw new SplynxBusy(
          "ispchat's limit of simultaneous calls to Splynx is reached"
              + " (org.ispchat.splynx.SplynxGate/Bulkhead/value)");
    } catch (CircuitBreakerOpenException e) {
      throw new SplynxUnavailable(
          "Splynx failed repeatedly; ispchat pauses calls to it for 30 s (circuit breaker open)",
          e);
    } catch (FaultToleranceException e) {
      throw new SplynxUnavailable("Splynx call stopped by fault tolerance: " + e.getMessage(), e);
    }
  }

  private void logChange(
      String what, String customerId, String reference, String outcome, long startedNanos) {
    LOG.log(
        Level.INFO,
        "Splynx {0} for customer {1} (request {2}): {3} in {4} ms",
        new Object[] {what, customerId, reference, outcome, millis(startedNanos)});
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), settings.timeZone());
  }

  private static long millis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  /** A tariff id as a JSON number when it is one (Splynx's examples send a number), else text. */
  private static JsonValue number(String id) {
    try {
      return JSON.createValue(Long.parseLong(id.strip()));
    } catch (NumberFormatException e) {
      return JSON.createValue(id);
    }
  }

  private record Cached<T>(T value, Instant until) {
    boolean fresh(Instant now) {
      return now.isBefore(until);
    }
  }
}
