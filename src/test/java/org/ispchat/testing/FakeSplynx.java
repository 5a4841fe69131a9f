package org.ispchat.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for the Splynx REST API v2.0 ({@code /api/2.0/}), faithful to the wire as
 * /work/shared/reference/splynx-api.md describes it: the three ways to authenticate (with the
 * increasing-nonce rule and User-Agent pinned tokens), the PHP-bracket search, bare-array lists,
 * ids, money and counters as JSON strings, {@code 0000-00-00} for no date, the error envelope.
 * Tests set up customers, plans, services, refill cards through small fixture handles, inject
 * faults, and read back every request and what it changed.
 *
 * <p>Where the reference marks a behaviour as unverified, the fake picks one and says so in a
 * comment starting with "Assumed".
 */
public final class FakeSplynx implements AutoCloseable {

  /** The API key every fake starts with (32 hex, as Splynx makes them); not "unsecure". */
  public static final String KEY = "3c5a8f0e7b2d4f6a9c1e0b3d5f7a2c4e";

  public static final String SECRET = "9e1d7b3f5a2c8e4b6d0f1a3c5e7b9d2f";

  /** The payment method a redeemed refill card is booked under. Assumed: the id is invented. */
  public static final String REFILL_CARD_PAYMENT_TYPE = "7";

  private static final String BASE = "/api/2.0/";
  private static final String NO_DATE = "0000-00-00";
  private static final String NO_DATETIME = "0000-00-00 00:00:00";
  private static final Duration REFRESH_TTL = Duration.ofDays(7);
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final JsonProvider JSON = JsonProvider.provider();

  /** How a request proved who it is. */
  public enum AuthMode {
    NONE,
    BASIC,
    SIGNATURE,
    TOKEN
  }

  /**
   * One request as the fake received it, and the status it answered ({@code -1}: the connection was
   * dropped by {@link #crashAfter}). {@code path} is relative to {@code /api/2.0/}; {@code query}
   * is the raw query string as sent.
   */
  public record Request(
      String method,
      String path,
      String query,
      AuthMode auth,
      String userAgent,
      String contentType,
      String body,
      int status) {

    /** A field of the body (JSON, form or multipart), or of the query string; null when absent. */
    public String field(String name) {
      Object v = fields(contentType, body.getBytes(StandardCharsets.UTF_8)).get(name);
      if (v == null) {
        v = SplynxQuery.brackets(query).get(name);
      }
      return v == null ? null : String.valueOf(v);
    }
  }

  private final HttpServer server;

  // --- state, guarded by this ---
  private final Map<String, ApiKey> keys = new LinkedHashMap<>();
  private final Map<String, Token> tokensByAccess = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> customers = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> billings = new LinkedHashMap<>();
  private final Map<String, Integer> daysLeft = new LinkedHashMap<>();
  private final Map<String, LocalDate> blockingDates = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> tariffs = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> services = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> online = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> fupUsage = new LinkedHashMap<>();
  private final List<Map<String, Object>> trafficCounter = new ArrayList<>();
  private final Map<String, Map<String, Object>> cards = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> payments = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> tickets = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> messages = new LinkedHashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private long nextId;
  private Duration clockOffset;
  private ZoneId zone;
  private Duration tokenTtl;
  private LocalDate earliestPlanChange;
  private int refillCardRejection;
  private long tokensCreated;
  private long tokenRenewals;
  private long nonceRejections;
  // --- faults ---
  private volatile Duration latency = Duration.ZERO;
  private int failNextCount;
  private int failNextStatus;
  private final List<PathFault> pathFaults = new ArrayList<>();
  private final List<PathFault> crashes = new ArrayList<>();
  private final List<PathFault> holds = new ArrayList<>();
  private static final Duration HOLD = Duration.ofSeconds(60);

  private final List<Route> routes = new ArrayList<>();

  private FakeSplynx(int port) throws IOException {
    reset();
    defineRoutes();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** A fake listening on 127.0.0.1 at this port (0: any free port). */
  public static FakeSplynx start(int port) {
    try {
      return new FakeSplynx(port);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Splynx on port " + port, e);
    }
  }

  private static FakeSplynx shared;

  /**
   * The one fake of this test JVM, on the port the shared deployment was configured with ({@code
   * it.splynx.port}). Tests add their own customers with numbers no other test uses, and never
   * reset it.
   */
  public static synchronized FakeSplynx shared() {
    if (shared == null) {
      shared = start(Integer.getInteger("it.splynx.port", 18091));
    }
    return shared;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** What {@code splynx.url} should be: the fake adds {@code /api/2.0/} like the real one. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Back to a fresh instance: no data, no faults, no records, the default key, today's clock. */
  public synchronized void reset() {
    keys.clear();
    keys.put(KEY, new ApiKey(SECRET, false));
    tokensByAccess.clear();
    for (Map<String, ?> m :
        List.of(
            customers, billings, tariffs, services, online, fupUsage, cards, payments, tickets,
            messages)) {
      m.clear();
    }
    trafficCounter.clear();
    daysLeft.clear();
    blockingDates.clear();
    requests.clear();
    nextId = 1000;
    clockOffset = Duration.ZERO;
    zone = ZoneOffset.UTC;
    tokenTtl = Duration.ofMinutes(30);
    earliestPlanChange = null;
    refillCardRejection = 400;
    tokensCreated = 0;
    tokenRenewals = 0;
    nonceRejections = 0;
    latency = Duration.ZERO;
    clearFaults();
  }

  // ------------------------------------------------------------------ keys, tokens, clock

  /** Adds or replaces an API key; {@code unsecure} is Splynx's switch that allows Basic auth. */
  public synchronized FakeSplynx apiKey(String key, String secret, boolean unsecure) {
    keys.put(key, new ApiKey(secret, unsecure));
    return this;
  }

  /** Lifetime of new access tokens (Splynx: 30 minutes). */
  public synchronized FakeSplynx tokenTtl(Duration ttl) {
    this.tokenTtl = ttl;
    return this;
  }

  /** Moves the fake's clock: tokens expire, "today" changes. */
  public synchronized FakeSplynx advance(Duration by) {
    clockOffset = clockOffset.plus(by);
    return this;
  }

  /** Makes this date "today" for the fake (the time of day keeps running). */
  public synchronized FakeSplynx today(LocalDate date) {
    LocalDate real = LocalDate.ofInstant(Instant.now(), zone);
    clockOffset = Duration.ofDays(real.until(date, java.time.temporal.ChronoUnit.DAYS));
    return this;
  }

  public synchronized LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  public synchronized long tokensCreated() {
    return tokensCreated;
  }

  public synchronized long tokenRenewals() {
    return tokenRenewals;
  }

  /** Requests and token requests refused because their nonce was not above the key's last one. */
  public synchronized long nonceRejections() {
    return nonceRejections;
  }

  /**
   * Splynx's signature: uppercase hex HMAC-SHA256 of {@code nonce + key}, keyed with the secret.
   */
  public static String signature(String secret, long nonce, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] h = mac.doFinal((nonce + key).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(h);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code Authorization} value of a signed request. */
  public static String signedAuthorization(String key, String secret, long nonce) {
    return "Splynx-EA (key="
        + key
        + "&nonce="
        + nonce
        + "&signature="
        + signature(secret, nonce, key)
        + ")";
  }

  // ------------------------------------------------------------------ fixtures

  /** A customer; {@code phone} is Splynx's free-text field (several numbers, comma-separated). */
  public synchronized Customer customer(String id, String login, String name, String phone) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("login", login);
    row.put("name", name);
    row.put("email", "");
    row.put("billing_email", "");
    row.put("phone", phone);
    row.put("category", "person");
    row.put("status", "active");
    row.put("billing_type", "recurring");
    row.put("partner_id", "1");
    row.put("location_id", "1");
    row.put("parent_id", "0");
    row.put("street_1", "");
    row.put("street_2", "");
    row.put("zip_code", "");
    row.put("city", "");
    row.put("gps", "");
    row.put("date_add", today().minusYears(1).toString());
    row.put("last_online", NO_DATETIME);
    row.put("last_update", datetime());
    row.put("conversion_date", NO_DATE);
    row.put("mrr_total", "0.0000");
    row.put("daily_prepaid_cost", "0.0000");
    row.put("gdpr_agreed", "empty_answer");
    row.put("added_by", "api");
    row.put("added_by_id", "1");
    // Real Splynx returns the portal password in the clear; a test can assert it never leaks.
    row.put("password", "portal-pw-" + login);
    row.put("additional_attributes", new LinkedHashMap<String, Object>());
    row.put("customer_labels", new ArrayList<Object>());
    customers.put(id, row);
    Map<String, Object> billing = new LinkedHashMap<>();
    billing.put("customer_id", id);
    billing.put("enabled", "1");
    billing.put("type", "1");
    billing.put("deposit", "0.0000");
    billing.put("billing_date", "1");
    billing.put("billing_due", "15");
    billing.put("blocking_period", "0");
    billing.put("grace_period", "3");
    billing.put("make_invoices", "1");
    billing.put("payment_method", "1");
    billing.put("min_balance", "0.0000");
    billing.put("reminder_enable", "1");
    billing.put("reminder_day_1", "2");
    billing.put("reminder_day_2", "8");
    billing.put("reminder_day_3", "20");
    billing.put("reminder_type", "mail");
    billing.put("billing_person", "");
    billing.put("billing_street_1", "");
    billing.put("billing_zip_code", "");
    billing.put("billing_city", "");
    billing.put("sub_billing_mode", "independent");
    billing.put("send_finance_notification", "1");
    billing.put("partner_percent", "0.0000");
    billings.put(id, billing);
    return new Customer(row, billing);
  }

  /** An internet plan; speeds in kbps as Splynx keeps them, price without currency. */
  public synchronized Tariff tariff(
      String id, String title, String price, long downloadKbps, long uploadKbps) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("title", title);
    row.put("service_name", title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    row.put("price", money(new BigDecimal(price)));
    row.put("with_vat", true);
    row.put("vat_percent", "0.0000");
    row.put("tax_id", "0");
    row.put("speed_download", String.valueOf(downloadKbps));
    row.put("speed_upload", String.valueOf(uploadKbps));
    row.put("speed_limit_type", "0");
    row.put("aggregation", "1");
    row.put("priority", "normal");
    row.put("billing_types", new ArrayList<>(List.of("recurring", "prepaid", "prepaid_monthly")));
    row.put("billing_days_count", "1");
    row.put("custom_period", false);
    row.put("partners_ids", new ArrayList<>(List.of("1")));
    row.put("available_for_locations", new ArrayList<>(List.of("1")));
    row.put("customer_categories", new ArrayList<>(List.of("person", "company")));
    row.put("show_on_customer_portal", true);
    row.put("hide_on_admin_portal", false);
    row.put("available_for_services", true);
    row.put("tariffs_for_change", new ArrayList<Object>());
    row.put("services", "0");
    row.put("customer_labels", new ArrayList<Object>());
    row.put("transaction_category_id", "0");
    tariffs.put(id, row);
    return new Tariff(row);
  }

  /** An active internet service of a customer on a plan, started 30 days ago, endless. */
  public synchronized Service service(String id, String customerId, String tariffId) {
    Map<String, Object> tariff = require(tariffs, tariffId, "tariff");
    require(customers, customerId, "customer");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("customer_id", customerId);
    row.put("tariff_id", tariffId);
    row.put("type", "internet");
    row.put("status", "active");
    row.put("description", tariff.get("title"));
    row.put("quantity", "1");
    row.put("unit", "");
    row.put("unit_price", tariff.get("price"));
    row.put("start_date", today().minusDays(30).toString());
    row.put("end_date", NO_DATE);
    row.put("discount", "0");
    row.put("discount_type", "percent");
    row.put("discount_value", "0.0000");
    row.put("discount_start_date", NO_DATE);
    row.put("discount_end_date", NO_DATE);
    row.put("discount_text", "");
    row.put("login", "svc-" + id);
    row.put("password", "svc-pw-" + id);
    row.put("router_id", "1");
    row.put("sector_id", "0");
    row.put("taking_ipv4", "2");
    row.put("ipv4", "");
    row.put("ipv4_route", "");
    row.put("ipv4_pool_id", "1");
    row.put("taking_ipv6", "0");
    row.put("ipv6", "");
    row.put("ipv6_delegated", "");
    row.put("mac", "");
    row.put("port_id", "0");
    row.put("access_device", "0");
    row.put("bundle_service_id", "0");
    row.put("parent_id", "0");
    row.put("top_up_tariff_id", "0");
    row.put("status_new", "");
    row.put("geo", new LinkedHashMap<>(Map.of("address", "", "marker", "")));
    services.put(id, row);
    return new Service(row);
  }

  /** An open session of a service (as in Customers → Online), started an hour ago. */
  public synchronized OnlineSession online(String customerId, String serviceId) {
    Map<String, Object> service = require(services, serviceId, "service");
    String id = newId();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("customer_id", customerId);
    row.put("service_id", serviceId);
    row.put("tariff_id", service.get("tariff_id"));
    row.put("login", service.get("login"));
    row.put("username", service.get("login"));
    row.put("in_bytes", "0");
    row.put("out_bytes", "0");
    row.put("start_session", LocalDateTime.ofInstant(now(), zone).minusHours(1).format(DATETIME));
    row.put("time_on", "3600");
    row.put("ipv4", "10.0.0." + (online.size() + 2));
    row.put("ipv6", "");
    row.put("mac", "");
    row.put("call_to", "");
    row.put("port", "");
    row.put("nas_id", "1");
    row.put("type", "internet");
    row.put("price", "0.0000");
    online.put(id, row);
    return new OnlineSession(row);
  }

  /** Capped-data usage of a service (bytes) for {@code fup/usage/{service}}. */
  public synchronized FakeSplynx fupUsage(String serviceId, long capBytes, long usedBytes) {
    require(services, serviceId, "service");
    fupUsage.put(serviceId, usageRow(capBytes, usedBytes));
    return this;
  }

  private static Map<String, Object> usageRow(long capBytes, long usedBytes) {
    long remains = Math.max(0, capBytes - usedBytes);
    double usedPercent = capBytes == 0 ? 0 : Math.round(usedBytes * 1000.0 / capBytes) / 10.0;
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("traffic_amount", capBytes);
    row.put("used_amount", usedBytes);
    row.put("remains_amount", remains);
    row.put("over_usage", Math.max(0, usedBytes - capBytes));
    row.put("cap_amount", 0);
    row.put("full_cap_amount", 0);
    row.put("used_percent", usedPercent);
    row.put("remains_percent", capBytes == 0 ? 0.0 : Math.round(1000 - usedPercent * 10) / 10.0);
    row.put("cap_percent", 0);
    row.put("bonus_traffic", 0);
    row.put("bonus_is_unlimited", 0);
    row.put("used_text", gb(usedBytes));
    row.put("remains_text", gb(remains));
    row.put("all_text", gb(capBytes));
    row.put("used_alt", "Used: " + gb(usedBytes) + " / " + gb(capBytes));
    row.put("remains_alt", "Remains: " + gb(remains) + " / " + gb(capBytes));
    return row;
  }

  /** One day of a service's traffic counter (bytes), for {@code customer-traffic-counter}. */
  public synchronized FakeSplynx trafficCounter(
      String serviceId, LocalDate date, long upBytes, long downBytes) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("service_id", serviceId);
    row.put("date", date.toString());
    row.put("up", String.valueOf(upBytes));
    row.put("down", String.valueOf(downBytes));
    trafficCounter.add(row);
    return this;
  }

  /**
   * An active refill card. A code shaped {@code serie-prefix-random} is split like Splynx's; any
   * other code (e.g. digits only) is taken whole, in serie {@code 1}.
   */
  public synchronized RefillCard refillCard(String fullCode, String price) {
    String[] parts = fullCode.split("-", 3);
    boolean shaped = parts.length == 3;
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", newId());
    row.put("type", "refill");
    row.put("serie", shaped ? parts[0] : "1");
    row.put("prefix", shaped ? parts[1] : "");
    row.put("code", shaped ? parts[2] : fullCode);
    row.put("full_code", fullCode);
    row.put("price", money(new BigDecimal(price)));
    row.put("status", "Active");
    row.put("partner_id", "1");
    row.put("seller_name", "");
    row.put("remark", "");
    row.put("activated_at", NO_DATETIME);
    row.put("customer_id", "0");
    row.put("valid_till", NO_DATE);
    row.put("quantity", "1");
    row.put("created_at", datetime());
    row.put("is_import", "0");
    cards.put(fullCode, row);
    return new RefillCard(row);
  }

  /** The earliest date change-tariff accepts (Splynx computes it; default: today). */
  public synchronized FakeSplynx earliestPlanChange(LocalDate date) {
    this.earliestPlanChange = date;
    return this;
  }

  /** The status a refused refill-card redeem answers (body: INVALID_INPUT_DATA envelope). */
  public synchronized FakeSplynx refillCardRejection(int status) {
    this.refillCardRejection = status;
    return this;
  }

  // ------------------------------------------------------------------ what changed

  public synchronized BigDecimal deposit(String customerId) {
    return new BigDecimal((String) require(billings, customerId, "customer").get("deposit"));
  }

  public synchronized JsonObject refillCardState(String fullCode) {
    return (JsonObject) json(require(cards, fullCode, "refill card"));
  }

  public synchronized List<JsonObject> servicesOf(String customerId) {
    return objects(
        services.values().stream().filter(s -> customerId.equals(s.get("customer_id"))).toList());
  }

  public synchronized List<JsonObject> paymentsOf(String customerId) {
    return objects(
        payments.values().stream().filter(p -> customerId.equals(p.get("customer_id"))).toList());
  }

  public synchronized List<JsonObject> ticketsCreated() {
    return objects(tickets.values());
  }

  public synchronized List<JsonObject> ticketMessages(String ticketId) {
    return objects(
        messages.values().stream().filter(m -> ticketId.equals(m.get("ticket_id"))).toList());
  }

  /** An agent answers in Splynx's admin UI. */
  public synchronized String agentReplies(String ticketId, String text) {
    Map<String, Object> ticket = require(tickets, ticketId, "ticket");
    Map<String, Object> m = message(ticketId, text, "admin");
    m.put("admin_id", "1");
    m.put("source", "administration");
    ticket.put("unread_by_customer", "1");
    ticket.put("updated_at", datetime());
    return (String) m.get("id");
  }

  /** An agent closes the ticket (status "Resolved", mark closed). */
  public synchronized void closeTicket(String ticketId) {
    Map<String, Object> ticket = require(tickets, ticketId, "ticket");
    ticket.put("closed", "1");
    ticket.put("status_id", "3");
    ticket.put("updated_at", datetime());
  }

  // ------------------------------------------------------------------ records

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests with this method (null: any) whose path starts with the prefix (no leading slash). */
  public synchronized List<Request> requests(String method, String pathPrefix) {
    return requests.stream()
        .filter(r -> method == null || r.method().equals(method))
        .filter(r -> r.path().startsWith(pathPrefix))
        .toList();
  }

  public List<Request> redeemCalls() {
    return requests("PUT", "admin/finance/refill-cards/");
  }

  public List<Request> changeTariffCalls() {
    return requests("PUT", "admin/tariffs/change-tariff/");
  }

  // ------------------------------------------------------------------ faults

  /** Every answer waits this long first. */
  public FakeSplynx latency(Duration delay) {
    this.latency = delay;
    return this;
  }

  /** The next {@code n} requests, whatever they are, get this status and do nothing. */
  public synchronized FakeSplynx failNext(int n, int status) {
    failNextCount = n;
    failNextStatus = status;
    return this;
  }

  /** Requests of this method (null: any) under this path prefix get this status until cleared. */
  public synchronized FakeSplynx failOn(String method, String pathPrefix, int status) {
    pathFaults.add(new PathFault(method, pathPrefix, status));
    return this;
  }

  /**
   * The next request of this method under this path prefix is carried out (Splynx changes its data)
   * and then the connection is dropped without an answer: a network or node dying between Splynx's
   * change and the caller's commit.
   */
  public synchronized FakeSplynx crashAfter(String method, String pathPrefix) {
    crashes.add(new PathFault(method, pathPrefix, -1));
    return this;
  }

  /**
   * The next matching call is carried out, then its answer is held back for a minute: the caller
   * sees Splynx act but never hears so, as when a node dies between Splynx's answer and its commit.
   */
  public synchronized FakeSplynx holdAfter(String method, String pathPrefix) {
    holds.add(new PathFault(method, pathPrefix, -1));
    return this;
  }

  public synchronized FakeSplynx clearFaults() {
    failNextCount = 0;
    holds.clear();
    pathFaults.clear();
    crashes.clear();
    latency = Duration.ZERO;
    return this;
  }

  // ================================================================== fixture handles

  /** Sets a customer's fields; {@link #set} reaches any other Splynx field. */
  public final class Customer {
    private final Map<String, Object> row;
    private final Map<String, Object> billing;

    private Customer(Map<String, Object> row, Map<String, Object> billing) {
      this.row = row;
      this.billing = billing;
    }

    public String id() {
      return (String) row.get("id");
    }

    /** {@code new}, {@code active}, {@code blocked} or {@code disabled}. */
    public Customer status(String status) {
      return set("status", status);
    }

    /** {@code recurring}, {@code prepaid} or {@code prepaid_monthly}. */
    public Customer billingType(String type) {
      return set("billing_type", type);
    }

    public Customer partner(String partnerId) {
      return set("partner_id", partnerId);
    }

    public Customer email(String email) {
      return set("email", email);
    }

    /** The customer-portal password (also what {@code auth_type=customer} checks). */
    public Customer portalPassword(String password) {
      return set("password", password);
    }

    public Customer deposit(String amount) {
      synchronized (FakeSplynx.this) {
        billing.put("deposit", money(new BigDecimal(amount)));
      }
      return this;
    }

    /** What billing-info reports as {@code howManyDaysLeft} and {@code blocking_date}. */
    public Customer daysLeft(int days, LocalDate blocking) {
      synchronized (FakeSplynx.this) {
        daysLeft.put(id(), days);
        blockingDates.put(id(), blocking);
      }
      return this;
    }

    public Customer set(String field, Object value) {
      synchronized (FakeSplynx.this) {
        row.put(field, value);
      }
      return this;
    }
  }

  public final class Tariff {
    private final Map<String, Object> row;

    private Tariff(Map<String, Object> row) {
      this.row = row;
    }

    public Tariff billingTypes(String... types) {
      return set("billing_types", new ArrayList<>(List.of(types)));
    }

    /** The plans a customer on this one may switch to ({@code tariffs_for_change}). */
    public Tariff changeableTo(String... tariffIds) {
      return set("tariffs_for_change", new ArrayList<>(List.of(tariffIds)));
    }

    public Tariff set(String field, Object value) {
      synchronized (FakeSplynx.this) {
        row.put(field, value);
      }
      return this;
    }
  }

  public final class Service {
    private final Map<String, Object> row;

    private Service(Map<String, Object> row) {
      this.row = row;
    }

    /** {@code active}, {@code stopped}, {@code disabled}, {@code hidden} or {@code pending}. */
    public Service status(String status) {
      return set("status", status);
    }

    public Service starts(LocalDate date) {
      return set("start_date", date.toString());
    }

    public Service ends(LocalDate date) {
      return set("end_date", date == null ? NO_DATE : date.toString());
    }

    public Service login(String login) {
      return set("login", login);
    }

    public Service set(String field, Object value) {
      synchronized (FakeSplynx.this) {
        row.put(field, value);
      }
      return this;
    }
  }

  public final class OnlineSession {
    private final Map<String, Object> row;

    private OnlineSession(Map<String, Object> row) {
      this.row = row;
    }

    public OnlineSession ipv4(String ip) {
      return set("ipv4", ip);
    }

    public OnlineSession bytes(long in, long out) {
      set("in_bytes", String.valueOf(in));
      return set("out_bytes", String.valueOf(out));
    }

    public OnlineSession since(LocalDateTime start) {
      synchronized (FakeSplynx.this) {
        row.put("start_session", start.format(DATETIME));
        long seconds = Duration.between(start, LocalDateTime.ofInstant(now(), zone)).toSeconds();
        row.put("time_on", String.valueOf(Math.max(0, seconds)));
      }
      return this;
    }

    public OnlineSession set(String field, Object value) {
      synchronized (FakeSplynx.this) {
        row.put(field, value);
      }
      return this;
    }
  }

  public final class RefillCard {
    private final Map<String, Object> row;

    private RefillCard(Map<String, Object> row) {
      this.row = row;
    }

    /** {@code Active}, {@code Used}, {@code Disabled} or {@code Expired}, as Splynx spells them. */
    public RefillCard status(String status) {
      return set("status", status);
    }

    public RefillCard validTill(LocalDate date) {
      return set("valid_till", date.toString());
    }

    public RefillCard serie(String serie) {
      return set("serie", serie);
    }

    public RefillCard set(String field, Object value) {
      synchronized (FakeSplynx.this) {
        row.put(field, value);
      }
      return this;
    }
  }

  // ================================================================== HTTP

  private static final class ApiKey {
    final String secret;
    final boolean unsecure;
    long lastNonce = Long.MIN_VALUE;

    ApiKey(String secret, boolean unsecure) {
      this.secret = secret;
      this.unsecure = unsecure;
    }
  }

  private static final class Token {
    String access;
    final String refresh;
    final String key; // the API key, or null for a customer token
    final String customerId;
    final String userAgent;
    Instant accessExpires;
    final Instant refreshExpires;

    Token(
        String access,
        String refresh,
        String key,
        String customerId,
        String userAgent,
        Instant accessExpires,
        Instant refreshExpires) {
      this.access = access;
      this.refresh = refresh;
      this.key = key;
      this.customerId = customerId;
      this.userAgent = userAgent;
      this.accessExpires = accessExpires;
      this.refreshExpires = refreshExpires;
    }
  }

  private record PathFault(String method, String prefix, int status) {
    boolean matches(Call c) {
      return (method == null || method.equals(c.method)) && c.path.startsWith(prefix);
    }
  }

  private record Reply(int status, String body, Map<String, String> headers) {
    Reply(int status, String body) {
      this(status, body, Map.of());
    }
  }

  private static final class Call {
    final String method;
    final String path;
    final String rawQuery;
    final SplynxQuery query;
    final String contentType;
    final byte[] body;
    final String authorization;
    final String userAgent;
    List<String> groups = List.of();
    AuthMode auth = AuthMode.NONE;
    Token token;
    boolean drop;
    boolean hold;
    private Map<String, Object> fields;

    Call(HttpExchange ex, String path, byte[] body) {
      this.method = ex.getRequestMethod();
      this.path = path;
      this.rawQuery = ex.getRequestURI().getRawQuery();
      this.query = SplynxQuery.parse(rawQuery);
      this.contentType = ex.getRequestHeaders().getFirst("Content-Type");
      this.body = body;
      this.authorization = ex.getRequestHeaders().getFirst("Authorization");
      this.userAgent = ex.getRequestHeaders().getFirst("User-Agent");
    }

    String group(int i) {
      return groups.get(i);
    }

    Map<String, Object> fields() {
      if (fields == null) {
        fields = FakeSplynx.fields(contentType, body);
      }
      return fields;
    }

    String field(String name) {
      Object v = fields().get(name);
      return v == null ? null : SplynxQuery.text(v).strip();
    }
  }

  private record Route(String method, Pattern pattern, Function<Call, Reply> handler) {}

  private void route(String method, String template, Function<Call, Reply> handler) {
    String regex = template.replaceAll("\\{[a-z]+\\}", "([^/]+)");
    routes.add(new Route(method, Pattern.compile(regex), handler));
  }

  private void defineRoutes() {
    route("GET", "admin/api/check", this::check);
    route("POST", "admin/auth/tokens", this::createToken);
    route("GET", "admin/auth/tokens/{refresh}", this::renewToken);
    route("DELETE", "admin/auth/tokens/{refresh}", this::deleteToken);
    route("GET", "admin/customers/customer", c -> list(customers.values(), c));
    route("GET", "admin/customers/customer/{id}", c -> one(customers, c.group(0), "Customer"));
    route(
        "GET", "admin/customers/customer-billing/{id}", c -> one(billings, c.group(0), "Customer"));
    route("GET", "admin/customers/billing-info/{id}", this::billingInfo);
    route("GET", "admin/customers/customer/{cid}/internet-services", this::servicesList);
    route("GET", "admin/customers/customer/{cid}/internet-services--{sid}", this::serviceOne);
    route("GET", "admin/customers/customers-online", c -> list(online.values(), c));
    route("GET", "admin/customers/customer-traffic-counter", this::traffic);
    route("GET", "admin/fup/usage/{sid}", this::usage);
    route("GET", "admin/tariffs/internet", c -> list(tariffs.values(), c));
    route("GET", "admin/tariffs/internet/{id}", c -> one(tariffs, c.group(0), "Tariff"));
    route("GET", "admin/tariffs/tariffs-for-change", this::tariffsForChange);
    route("GET", "admin/tariffs/change-tariff/{sid}", this::changeTariffDate);
    route("PUT", "admin/tariffs/change-tariff/{sid}", this::changeTariff);
    route("GET", "admin/finance/refill-cards", c -> methodNotAllowed());
    route("PUT", "admin/finance/refill-cards", c -> error(400, "BAD_REQUEST", "Id is required"));
    route("PUT", "admin/finance/refill-cards/{id}", this::redeem);
    route("GET", "admin/finance/refill-cards-series/{serie}", this::serie);
    route("GET", "admin/finance/payments", c -> list(payments.values(), c));
    route("GET", "admin/finance/payments/{id}", c -> one(payments, c.group(0), "Payment"));
    route("POST", "admin/support/tickets", this::createTicket);
    route("GET", "admin/support/tickets", c -> list(tickets.values(), c));
    route("GET", "admin/support/tickets/{id}", c -> one(tickets, c.group(0), "Ticket"));
    route("POST", "admin/support/ticket-messages", this::createMessage);
    route("GET", "admin/support/ticket-messages", this::messagesList);
    route("GET", "admin/support/tickets-types", c -> list(ticketTypes(), c));
    route("GET", "admin/support/tickets-statuses", c -> list(ticketStatuses(), c));
    route("GET", "admin/support/tickets-groups", c -> list(ticketGroups(), c));
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Duration delay = latency;
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      String rawPath = ex.getRequestURI().getPath();
      String path = rawPath.startsWith(BASE) ? rawPath.substring(BASE.length()) : rawPath;
      Call call = new Call(ex, path, body);
      Reply reply;
      synchronized (this) {
        reply = rawPath.startsWith(BASE) ? dispatch(call) : notFound("Route");
        requests.add(
            new Request(
                call.method,
                path,
                call.rawQuery == null ? "" : call.rawQuery,
                call.auth,
                call.userAgent,
                call.contentType,
                new String(body, StandardCharsets.UTF_8),
                call.drop ? -1 : reply.status()));
      }
      if (call.hold) {
        // The change is made; its answer never comes while the caller lives (it is killed).
        try {
          Thread.sleep(HOLD.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (call.drop) {
        return; // closing the exchange before any header closes the connection: no answer
      }
      respond(ex, reply);
    }
  }

  private Reply dispatch(Call c) {
    if (failNextCount > 0) {
      failNextCount--;
      return error(failNextStatus, null, "Injected failure");
    }
    for (PathFault f : pathFaults) {
      if (f.matches(c)) {
        return error(f.status(), null, "Injected failure");
      }
    }
    String method = c.method.equals("HEAD") ? "GET" : c.method;
    boolean pathKnown = false;
    for (Route r : routes) {
      Matcher m = r.pattern().matcher(c.path);
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (!r.method().equals(method)) {
        continue;
      }
      List<String> groups = new ArrayList<>();
      for (int i = 1; i <= m.groupCount(); i++) {
        groups.add(m.group(i));
      }
      c.groups = groups;
      if (needsAuth(c)) {
        Reply refused = authenticate(c);
        if (refused != null) {
          return refused;
        }
      }
      Reply reply;
      try {
        reply = r.handler().apply(c);
      } catch (SplynxQuery.Refused e) {
        return error(400, "BAD_REQUEST", e.getMessage());
      }
      for (PathFault crash : List.copyOf(crashes)) {
        if (crash.matches(c)) {
          crashes.remove(crash);
          c.drop = true;
        }
      }
      for (PathFault h : List.copyOf(holds)) {
        if (h.matches(c)) {
          holds.remove(h);
          c.hold = true;
        }
      }
      if (c.method.equals("HEAD")) {
        String count = reply.body().startsWith("[") ? String.valueOf(array(reply).size()) : "1";
        return new Reply(
            reply.status() == 200 ? 204 : reply.status(), "", Map.of("X-total-count", count));
      }
      return reply;
    }
    return pathKnown ? methodNotAllowed() : notFound("Route");
  }

  private boolean needsAuth(Call c) {
    if (c.path.startsWith("admin/auth/tokens")) {
      return false; // the body or the refresh token is the credential
    }
    if (c.path.equals("admin/api/check")) {
      return "true".equals(c.query.get("checkAuth"));
    }
    return true;
  }

  private Reply authenticate(Call c) {
    String header = c.authorization;
    if (header == null || header.isBlank()) {
      return error(401, "MISSED_AUTHORIZATION_HEADER", "Authorization header is missing");
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return unauthorized();
      }
      int colon = decoded.indexOf(':');
      ApiKey key = colon < 0 ? null : keys.get(decoded.substring(0, colon));
      if (key == null
          || !key.unsecure
          || !MessageDigest.isEqual(
              key.secret.getBytes(StandardCharsets.UTF_8),
              decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8))) {
        return unauthorized();
      }
      c.auth = AuthMode.BASIC;
      return null;
    }
    Matcher m = Pattern.compile("Splynx-EA\\s*\\((.*)\\)\\s*").matcher(header);
    if (!m.matches()) {
      return unauthorized();
    }
    Map<String, Object> p = SplynxQuery.brackets(m.group(1));
    if (p.containsKey("access_token")) {
      Token token = tokensByAccess.get(String.valueOf(p.get("access_token")));
      if (token == null) {
        return unauthorized();
      }
      if (!now().isBefore(token.accessExpires)) {
        return error(401, "EXPIRED_ACCESS_TOKEN", "Access token is expired");
      }
      if (!java.util.Objects.equals(token.userAgent, c.userAgent)) {
        return error(401, "USER_AGENT_CHANGED", "User agent changed");
      }
      if (token.customerId != null && c.path.startsWith("admin/")) {
        // Assumed: a customer token does not reach the admin API (the bot only uses it as proof).
        return error(403, "FORBIDDEN", "You are not allowed to perform this action");
      }
      c.auth = AuthMode.TOKEN;
      c.token = token;
      return null;
    }
    Reply refused =
        checkSignature(
            (String) p.get("key"), String.valueOf(p.get("nonce")), (String) p.get("signature"));
    if (refused == null) {
      c.auth = AuthMode.SIGNATURE;
    }
    return refused;
  }

  private Reply checkSignature(String keyName, String nonceText, String signature) {
    ApiKey key = keyName == null ? null : keys.get(keyName);
    long nonce;
    try {
      nonce = Long.parseLong(nonceText);
    } catch (NumberFormatException e) {
      return unauthorized();
    }
    if (key == null
        || signature == null
        || !MessageDigest.isEqual(
            signature(key.secret, nonce, keyName).getBytes(StandardCharsets.UTF_8),
            signature.getBytes(StandardCharsets.UTF_8))) {
      return unauthorized();
    }
    if (nonce <= key.lastNonce) {
      nonceRejections++;
      return error(401, "UNAUTHORIZED", "Nonce must be greater than the last one used");
    }
    key.lastNonce = nonce;
    return null;
  }

  private static void respond(HttpExchange ex, Reply reply) throws IOException {
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    boolean noBody = bytes.length == 0 || ex.getRequestMethod().equals("HEAD");
    if (!noBody) {
      ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    }
    ex.sendResponseHeaders(reply.status(), noBody ? -1 : bytes.length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  // ================================================================== endpoints

  private Reply check(Call c) {
    return ok(Map.of("status", "ok", "message", "API is valid", "same_server", false));
  }

  private Reply createToken(Call c) {
    String type = c.field("auth_type");
    if ("api_key".equals(type)) {
      String key = c.field("key");
      Reply refused = checkSignature(key, c.field("nonce"), c.field("signature"));
      if (refused != null) {
        return refused;
      }
      return issue(key, null, c.userAgent);
    }
    if ("customer".equals(type) || "admin".equals(type)) {
      // The fake knows no admins: an admin login is refused like a wrong password.
      String login = c.field("login");
      String password = c.field("password");
      for (Map<String, Object> customer : customers.values()) {
        if ("customer".equals(type)
            && customer.get("login").equals(login)
            && customer.get("password").equals(password)) {
          return issue(null, (String) customer.get("id"), c.userAgent);
        }
      }
      // Assumed: the reference lists INVALID_USER but not the status of a wrong login; 401.
      return error(401, "INVALID_USER", "Invalid login or password");
    }
    return error(400, "INVALID_AUTH_TYPE", "Invalid auth type");
  }

  private Reply issue(String key, String customerId, String userAgent) {
    Instant now = now();
    Token token =
        new Token(
            jwt(key != null ? "api_key:" + key : "customer:" + customerId),
            hex32(),
            key,
            customerId,
            userAgent,
            now.plus(tokenTtl),
            now.plus(REFRESH_TTL));
    tokensByAccess.put(token.access, token);
    tokensCreated++;
    Map<String, Object> out = tokenBody(token);
    Map<String, Object> allow = new LinkedHashMap<>();
    for (String action : List.of("add", "delete", "index", "update", "view")) {
      allow.put(action, "allow");
    }
    Map<String, Object> permissions = new LinkedHashMap<>();
    for (String module :
        List.of(
            "admin\\customers\\Customer",
            "admin\\tariffs\\Internet",
            "admin\\finance\\RefillCards",
            "admin\\support\\Tickets")) {
      permissions.put(module, allow);
    }
    out.put("permissions", customerId == null ? permissions : Map.of());
    return new Reply(201, json(out).toString());
  }

  private Map<String, Object> tokenBody(Token token) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", token.access);
    out.put("access_token_expiration", token.accessExpires.getEpochSecond());
    out.put("refresh_token", token.refresh);
    out.put("refresh_token_expiration", token.refreshExpires.getEpochSecond());
    return out;
  }

  private Token byRefresh(String refresh) {
    return tokensByAccess.values().stream()
        .filter(t -> t.refresh.equals(refresh))
        .findFirst()
        .orElse(null);
  }

  private Reply renewToken(Call c) {
    Token token = byRefresh(c.group(0));
    if (token == null) {
      return unauthorized();
    }
    if (!now().isBefore(token.refreshExpires)) {
      return error(401, "EXPIRED_REFRESH_TOKEN", "Refresh token is expired");
    }
    if (!java.util.Objects.equals(token.userAgent, c.userAgent)) {
      return error(401, "USER_AGENT_CHANGED", "User agent changed");
    }
    // Assumed: renewal replaces the access token (the old one stops working) and keeps the
    // refresh token and its expiry.
    tokensByAccess.remove(token.access);
    token.access = jwt(token.key != null ? "api_key:" + token.key : "customer:" + token.customerId);
    token.accessExpires = now().plus(tokenTtl);
    tokensByAccess.put(token.access, token);
    tokenRenewals++;
    return ok(tokenBody(token));
  }

  private Reply deleteToken(Call c) {
    Token token = byRefresh(c.group(0));
    if (token == null) {
      return notFound("Token");
    }
    tokensByAccess.remove(token.access);
    return new Reply(204, "");
  }

  private Reply billingInfo(Call c) {
    Map<String, Object> customer = customers.get(c.group(0));
    if (customer == null) {
      return notFound("Customer");
    }
    BigDecimal deposit = new BigDecimal((String) billings.get(c.group(0)).get("deposit"));
    BigDecimal monthly =
        services.values().stream()
            .filter(
                s -> c.group(0).equals(s.get("customer_id")) && "active".equals(s.get("status")))
            .map(s -> new BigDecimal((String) s.get("unit_price")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal perDay = monthly.divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP);
    int days =
        daysLeft.containsKey(c.group(0))
            ? daysLeft.get(c.group(0))
            : perDay.signum() > 0 && deposit.signum() > 0
                ? deposit.divide(perDay, 0, RoundingMode.DOWN).intValue()
                : 0;
    String blocking = blockingDates.getOrDefault(c.group(0), today().plusDays(days)).toString();
    String status = (String) customer.get("status");
    // Assumed: the types follow the blueprint (deposit and counts as numbers, dates as strings).
    Map<String, Object> out = new LinkedHashMap<>();
    switch ((String) customer.get("billing_type")) {
      case "prepaid", "prepaid_monthly" -> {
        out.put("howManyDaysLeft", days);
        out.put("paymentPerPeriod", monthly);
        out.put("paymentPerDay", perDay);
        out.put("deposit", deposit);
        out.put("services_name", servicesName(c.group(0)));
        out.put("blocking_date", blocking);
        if ("prepaid_monthly".equals(customer.get("billing_type"))) {
          out.put("howManyMonthsLeft", days / 30);
          out.put("blockInNextBillingCycle", deposit.compareTo(monthly) < 0);
          out.put("paymentPerMonth", monthly);
          out.put("service", servicesName(c.group(0)));
        }
      }
      default -> {
        out.put("blockingEnabled", true);
        out.put("blockInNextBillingCycle", deposit.signum() < 0);
        out.put("status", status);
        out.put("lowBalance", deposit.signum() < 0);
        out.put("howManyDaysLeft", days);
        out.put("blocking_date", blocking);
        out.put("deposit", deposit);
        out.put("is_already_blocked", "blocked".equals(status));
        out.put("is_already_disabled", "disabled".equals(status));
      }
    }
    return ok(out);
  }

  private String servicesName(String customerId) {
    return String.join(
        ", ",
        services.values().stream()
            .filter(
                s -> customerId.equals(s.get("customer_id")) && "active".equals(s.get("status")))
            .map(s -> (String) s.get("description"))
            .toList());
  }

  private Reply servicesList(Call c) {
    String cid = c.group(0);
    // Customer id 0 in the path means every customer's services.
    if (!cid.equals("0") && !customers.containsKey(cid)) {
      return notFound("Customer");
    }
    return list(
        services.values().stream()
            .filter(s -> cid.equals("0") || cid.equals(s.get("customer_id")))
            .toList(),
        c);
  }

  private Reply serviceOne(Call c) {
    Map<String, Object> s = services.get(c.group(1));
    if (s == null || !(c.group(0).equals("0") || c.group(0).equals(s.get("customer_id")))) {
      return notFound("Service");
    }
    return ok(s);
  }

  private Reply traffic(Call c) {
    List<Map<String, Object>> rows = c.query.apply(trafficCounter);
    // Splynx answers 404, not [], when there is no counter data for the filter.
    return rows.isEmpty() ? notFound("Traffic counter") : ok(rows);
  }

  private Reply usage(Call c) {
    if (!services.containsKey(c.group(0))) {
      return notFound("Service");
    }
    // Assumed: a service without a cap shows zeros rather than 404.
    return ok(fupUsage.getOrDefault(c.group(0), usageRow(0, 0)));
  }

  private Reply tariffsForChange(Call c) {
    if (!"internet".equals(c.query.get("type"))) {
      return error(400, "BAD_REQUEST", "Only type=internet is supported by the fake");
    }
    Map<String, Object> current = tariffs.get(c.query.get("id"));
    if (current == null) {
      return notFound("Tariff");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object id : (List<?>) current.get("tariffs_for_change")) {
      Map<String, Object> t = tariffs.get(String.valueOf(id));
      if (t != null) {
        out.add(t);
      }
    }
    return ok(out);
  }

  private LocalDate targetDate() {
    LocalDate today = today();
    return earliestPlanChange != null && earliestPlanChange.isAfter(today)
        ? earliestPlanChange
        : today;
  }

  private Reply changeTariffDate(Call c) {
    if (!"internet".equals(c.query.get("type"))) {
      return error(400, "BAD_REQUEST", "Only type=internet is supported by the fake");
    }
    if (!services.containsKey(c.group(0))) {
      return notFound("Service");
    }
    return ok(Map.of("target_date", targetDate().toString()));
  }

  private Reply changeTariff(Call c) {
    if (!"internet".equals(c.query.get("type"))) {
      return error(400, "BAD_REQUEST", "Only type=internet is supported by the fake");
    }
    Map<String, Object> old = services.get(c.group(0));
    if (old == null) {
      return notFound("Service");
    }
    List<Map<String, Object>> problems = new ArrayList<>();
    String newTariffId = c.field("newTariffId");
    List<?> allowed =
        (List<?>) tariffs.get((String) old.get("tariff_id")).get("tariffs_for_change");
    if (newTariffId == null
        || !tariffs.containsKey(newTariffId)
        || allowed.stream().noneMatch(a -> String.valueOf(a).equals(newTariffId))) {
      problems.add(invalid("newTariffId", "New tariff is not allowed for this service"));
    }
    LocalDate target = null;
    try {
      target = LocalDate.parse(String.valueOf(c.field("targetDate")));
      if (target.isBefore(targetDate())) {
        problems.add(invalid("targetDate", "Target date must be " + targetDate() + " or later"));
      }
    } catch (DateTimeParseException e) {
      problems.add(invalid("targetDate", "Target date is invalid"));
    }
    if (!problems.isEmpty()) {
      return new Reply(422, json(problems).toString());
    }
    Map<String, Object> tariff = tariffs.get(newTariffId);
    old.put("end_date", target.minusDays(1).toString());
    Map<String, Object> fresh = new LinkedHashMap<>(old);
    String id = newId();
    fresh.put("id", id);
    fresh.put("tariff_id", newTariffId);
    fresh.put(
        "description",
        c.field("description") != null ? c.field("description") : tariff.get("title"));
    fresh.put(
        "unit_price",
        c.field("newServicePrice") != null
            ? money(new BigDecimal(c.field("newServicePrice")))
            : tariff.get("price"));
    fresh.put("start_date", target.toString());
    fresh.put("end_date", NO_DATE);
    fresh.put("status", target.isAfter(today()) ? "pending" : "active");
    services.put(id, fresh);
    // Assumed: the body is the bare new service id (a bulk-migration script prints it as such).
    return new Reply(202, id);
  }

  private Reply redeem(Call c) {
    if (!c.group(0).equals("0") || !"true".equals(c.query.get("redeem"))) {
      return error(400, "BAD_REQUEST", "Only redeem (PUT refill-cards/0?redeem=true) is faked");
    }
    String code = c.field("code");
    String customerId = c.field("customer_id");
    if (customerId == null || !customers.containsKey(customerId)) {
      return error(refillCardRejection, "INVALID_INPUT_DATA", "Customer not found");
    }
    Map<String, Object> card = code == null ? null : cards.get(code);
    // Assumed: the real status and message of a refused redeem were never captured (§9.1).
    if (card == null) {
      return error(refillCardRejection, "INVALID_INPUT_DATA", "Refill card not found");
    }
    String validTill = (String) card.get("valid_till");
    if (!validTill.equals(NO_DATE) && LocalDate.parse(validTill).isBefore(today())) {
      card.put("status", "Expired");
    }
    if (!"Active".equals(card.get("status"))) {
      return error(
          refillCardRejection,
          "INVALID_INPUT_DATA",
          "Refill card is " + String.valueOf(card.get("status")).toLowerCase(Locale.ROOT));
    }
    BigDecimal price = new BigDecimal((String) card.get("price"));
    card.put("status", "Used");
    card.put("customer_id", customerId);
    card.put("activated_at", datetime());
    Map<String, Object> billing = billings.get(customerId);
    billing.put("deposit", money(new BigDecimal((String) billing.get("deposit")).add(price)));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", newId());
    p.put("customer_id", customerId);
    p.put("invoice_id", "0");
    p.put("credit_note_id", "0");
    p.put("request_id", "0");
    p.put("transaction_id", newId());
    p.put("payment_statement_id", "0");
    p.put("payment_type", REFILL_CARD_PAYMENT_TYPE);
    p.put("receipt_number", "");
    p.put("date", today().toString());
    p.put("real_create_datetime", datetime());
    p.put("amount", money(price));
    p.put("remind_amount", "0.0000");
    p.put("comment", "Refill card " + code);
    p.put("is_sent", "0");
    for (int i = 1; i <= 5; i++) {
      p.put("field_" + i, "");
    }
    p.put("note", "");
    p.put("memo", "");
    p.put("added_by", "api");
    p.put("added_by_id", "1");
    p.put("updated_at", datetime());
    payments.put((String) p.get("id"), p);
    return new Reply(202, "");
  }

  private Reply serie(Call c) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> card : cards.values()) {
      if (c.group(0).equals(card.get("serie"))) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String f : List.of("id", "status", "customer_id", "activated_at", "full_code")) {
          row.put(f, card.get(f));
        }
        out.add(row);
      }
    }
    return out.isEmpty() ? notFound("Serie") : ok(out);
  }

  private Reply createTicket(Call c) {
    List<Map<String, Object>> problems = new ArrayList<>();
    for (String required : List.of("subject", "priority", "type_id")) {
      if (c.field(required) == null || c.field(required).isEmpty()) {
        problems.add(invalid(required, capitalised(required) + " cannot be blank."));
      }
    }
    if (!problems.isEmpty()) {
      return new Reply(422, json(problems).toString());
    }
    String id = newId();
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", id);
    t.put("customer_id", orDefault(c.field("customer_id"), "0"));
    t.put("incoming_customer_id", "0");
    t.put("reporter_id", orDefault(c.field("reporter_id"), "1"));
    t.put("reporter_type", orDefault(c.field("reporter_type"), "api"));
    t.put("hidden", orDefault(c.field("hidden"), "0"));
    t.put("assign_to", orDefault(c.field("assign_to"), "0"));
    t.put("status_id", orDefault(c.field("status_id"), "1"));
    t.put("group_id", orDefault(c.field("group_id"), "0"));
    t.put("type_id", c.field("type_id"));
    t.put("task_id", "0");
    t.put("subject", c.field("subject"));
    t.put("priority", c.field("priority"));
    t.put("star", "0");
    t.put("unread_by_customer", "0");
    t.put("unread_by_admin", "1");
    t.put("closed", "0");
    t.put("created_at", datetime());
    t.put("updated_at", datetime());
    t.put("source", "api");
    t.put("trash", "0");
    t.put("shareable", "0");
    t.put("note", orDefault(c.field("note"), ""));
    t.put("watching", new ArrayList<Object>());
    t.put("related_account_id", "0");
    t.put("related_account_type", "");
    tickets.put(id, t);
    if (c.field("message") != null && !c.field("message").isEmpty()) {
      message(id, c.field("message"), "api");
    }
    return created(id);
  }

  private Reply createMessage(Call c) {
    List<Map<String, Object>> problems = new ArrayList<>();
    String ticketId = c.field("ticket_id");
    if (ticketId == null || !tickets.containsKey(ticketId)) {
      problems.add(invalid("ticket_id", "Ticket not found."));
    }
    if (c.field("message") == null || c.field("message").isEmpty()) {
      problems.add(invalid("message", "Message cannot be blank."));
    }
    if (!problems.isEmpty()) {
      return new Reply(422, json(problems).toString());
    }
    Map<String, Object> m =
        message(ticketId, c.field("message"), orDefault(c.field("author_type"), "api"));
    m.put("customer_id", orDefault(c.field("customer_id"), "0"));
    m.put("admin_id", orDefault(c.field("admin_id"), "0"));
    m.put("message_type", orDefault(c.field("message_type"), "message"));
    m.put("hide_for_customer", orDefault(c.field("hide_for_customer"), "0"));
    return created((String) m.get("id"));
  }

  private Map<String, Object> message(String ticketId, String text, String authorType) {
    LocalDateTime now = LocalDateTime.ofInstant(now(), zone);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", newId());
    m.put("ticket_id", ticketId);
    m.put("customer_id", tickets.get(ticketId).get("customer_id"));
    m.put("admin_id", "0");
    m.put("api_id", "1");
    m.put("source", "api");
    m.put("date", now.toLocalDate().toString());
    m.put("time", now.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
    m.put("message", text);
    m.put("message_type", "message");
    m.put("author_type", authorType);
    m.put("hide_for_customer", "0");
    m.put("files", new ArrayList<Object>());
    m.put("mail_to", "");
    messages.put((String) m.get("id"), m);
    tickets.get(ticketId).put("updated_at", datetime());
    return m;
  }

  private Reply messagesList(Call c) {
    if (!c.query.filters("ticket_id")) {
      // As on a live instance: the unfiltered list fails (reference §3).
      return error(500, "SERVER_ERROR", "Internal server error");
    }
    return list(messages.values(), c);
  }

  private static List<Map<String, Object>> ticketTypes() {
    return List.of(
        row("id", "1", "title", "Question", "background_color", "#1e88e5"),
        row("id", "2", "title", "Incident", "background_color", "#e53935"),
        row("id", "3", "title", "Problem", "background_color", "#fb8c00"),
        row("id", "4", "title", "Feature Request", "background_color", "#43a047"));
  }

  private static List<Map<String, Object>> ticketStatuses() {
    return List.of(
        status("1", "New", "open"),
        status("2", "Work in progress", "unresolved"),
        status("3", "Resolved", "closed"),
        status("4", "Waiting on customer", "unresolved"));
  }

  private static Map<String, Object> status(String id, String title, String mark) {
    Map<String, Object> s =
        row("id", id, "title_for_agent", title, "title_for_customer", title, "label", "default");
    s.put("mark", List.of(mark));
    s.put("icon", "");
    s.put("view_on_dashboard", "1");
    return s;
  }

  private static List<Map<String, Object>> ticketGroups() {
    return List.of(
        row("id", "1", "title", "Technical support", "description", "", "agent_ids", "1"),
        row("id", "2", "title", "Billing", "description", "", "agent_ids", "1"));
  }

  // ================================================================== helpers

  private Reply list(Collection<Map<String, Object>> rows, Call c) {
    return ok(c.query.apply(rows));
  }

  private Reply one(Map<String, Map<String, Object>> table, String id, String what) {
    Map<String, Object> row = table.get(id);
    return row == null ? notFound(what) : ok(row);
  }

  private static Reply ok(Object body) {
    return new Reply(200, json(body).toString());
  }

  private static Reply created(String id) {
    return new Reply(201, json(Map.of("id", id)).toString());
  }

  private static Reply unauthorized() {
    return error(401, "UNAUTHORIZED", "Unauthorized");
  }

  private static Reply notFound(String what) {
    return error(404, "NOT_FOUND", what + " not found");
  }

  private static Reply methodNotAllowed() {
    return error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed");
  }

  /** Splynx's envelope; the internal code follows the status when none is given. */
  private static Reply error(int status, String internal, String message) {
    String code =
        internal != null
            ? internal
            : switch (status) {
              case 400 -> "BAD_REQUEST";
              case 401 -> "UNAUTHORIZED";
              case 403 -> "FORBIDDEN";
              case 404 -> "NOT_FOUND";
              case 405 -> "METHOD_NOT_ALLOWED";
              default -> "SERVER_ERROR";
            };
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("code", status);
    error.put("internal_code", code);
    return new Reply(status, json(Map.of("error", error)).toString());
  }

  /** One entry of a 422 body. Assumed: Yii2's REST shape, the real body was never captured. */
  private static Map<String, Object> invalid(String field, String message) {
    return row("field", field, "message", message);
  }

  private static Map<String, Object> row(String... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static String orDefault(String v, String fallback) {
    return v == null || v.isEmpty() ? fallback : v;
  }

  private static String capitalised(String field) {
    String words = field.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static <T> T require(Map<String, T> table, String id, String what) {
    T row = table.get(id);
    if (row == null) {
      throw new IllegalArgumentException("no " + what + " " + id + " in the fake Splynx");
    }
    return row;
  }

  private Instant now() {
    return Instant.now().plus(clockOffset);
  }

  private String datetime() {
    return LocalDateTime.ofInstant(now(), zone).withNano(0).format(DATETIME);
  }

  private String newId() {
    return String.valueOf(++nextId);
  }

  private static String money(BigDecimal amount) {
    return amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  private static String gb(long bytes) {
    BigDecimal g =
        BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << 30), 2, RoundingMode.HALF_UP);
    return g.stripTrailingZeros().toPlainString() + " GB";
  }

  private static String hex32() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private String jwt(String subject) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"sub\":\""
                    + subject
                    + "\",\"iat\":"
                    + now().getEpochSecond()
                    + ",\"jti\":\""
                    + hex32()
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + "." + hex32();
  }

  private static List<JsonObject> objects(Collection<Map<String, Object>> rows) {
    return rows.stream().map(r -> (JsonObject) json(r)).toList();
  }

  private static JsonArray array(Reply reply) {
    try (var reader = JSON.createReader(new StringReader(reply.body()))) {
      return reader.readArray();
    }
  }

  /** Rows hold exactly the JSON types Splynx sends: strings, numbers, booleans, lists, maps. */
  @SuppressWarnings("unchecked")
  static JsonValue json(Object v) {
    if (v == null) {
      return JsonValue.NULL;
    }
    if (v instanceof JsonValue j) {
      return j;
    }
    if (v instanceof String s) {
      return JSON.createValue(s);
    }
    if (v instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (v instanceof BigDecimal d) {
      return JSON.createValue(d);
    }
    if (v instanceof Integer || v instanceof Long) {
      return JSON.createValue(((Number) v).longValue());
    }
    if (v instanceof Number n) {
      return JSON.createValue(n.doubleValue());
    }
    if (v instanceof Map<?, ?> m) {
      JsonObjectBuilder b = JSON.createObjectBuilder();
      ((Map<String, Object>) m).forEach((k, x) -> b.add(k, json(x)));
      return b.build();
    }
    if (v instanceof Collection<?> c) {
      JsonArrayBuilder b = JSON.createArrayBuilder();
      c.forEach(x -> b.add(json(x)));
      return b.build();
    }
    return JSON.createValue(String.valueOf(v));
  }

  /** A request body's fields, whatever the encoding: JSON, form or multipart (text parts). */
  static Map<String, Object> fields(String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String text = new String(body, StandardCharsets.UTF_8);
    if (type.startsWith("multipart/form-data")) {
      return multipart(contentType, text);
    }
    if (type.contains("json") || (!type.contains("form") && text.strip().startsWith("{"))) {
      try (var reader = JSON.createReader(new StringReader(text))) {
        Map<String, Object> out = new LinkedHashMap<>();
        reader.readObject().forEach((k, v) -> out.put(k, plain(v)));
        return out;
      } catch (RuntimeException notJson) {
        return new LinkedHashMap<>();
      }
    }
    return SplynxQuery.brackets(text);
  }

  private static Object plain(JsonValue v) {
    return switch (v.getValueType()) {
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> ((JsonNumber) v).bigDecimalValue().toPlainString();
      case TRUE -> "1";
      case FALSE -> "0";
      case NULL -> null;
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        v.asJsonObject().forEach((k, x) -> m.put(k, plain(x)));
        yield m;
      }
      case ARRAY -> {
        Map<String, Object> m = new LinkedHashMap<>();
        JsonArray a = v.asJsonArray();
        for (int i = 0; i < a.size(); i++) {
          m.put(String.valueOf(i), plain(a.get(i)));
        }
        yield m;
      }
    };
  }

  private static Map<String, Object> multipart(String contentType, String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
    if (!b.find()) {
      return out;
    }
    for (String part : text.split("--" + Pattern.quote(b.group(1)))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(part.substring(0, split));
      if (!name.find() || part.substring(0, split).contains("filename=")) {
        continue; // files are accepted and ignored
      }
      String value = part.substring(split + 4);
      if (value.endsWith("\r\n")) {
        value = value.substring(0, value.length() - 2);
      }
      SplynxQuery.put(out, name.group(1), value);
    }
    return out;
  }
}
