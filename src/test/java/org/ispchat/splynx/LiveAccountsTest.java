package org.ispchat.splynx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The façade's rules over canned Splynx answers: no HTTP, no REST client implementation. The fake
 * {@link SplynxCalls} learns which endpoint a call wants through a recording {@link SplynxApi}.
 */
class LiveAccountsTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 20);
  private static final Clock CLOCK =
      Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  private final CannedCalls calls = new CannedCalls();
  private final LiveAccounts accounts = new LiveAccounts(calls, settings(), CLOCK);

  private static SplynxSettings settings() {
    return new SplynxSettings(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        SplynxSettings.Auth.SIGNATURE,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Optional.of("3"),
        Optional.empty(),
        "medium",
        "ispchat/1",
        "LY",
        ZoneId.of("UTC"));
  }

  private static final Account THANDI =
      new Account("1042", "000123", "Thandi", AccountStatus.ACTIVE, Billing.RECURRING, "1", "");

  @Test
  void phoneSearchKeepsOnlyCustomersHoldingThatNumber() {
    calls.answer(
        "customersWherePhone",
        "[{\"id\":\"1\",\"login\":\"a\",\"status\":\"active\",\"billing_type\":\"recurring\","
            + "\"phone\":\"0912345678, +218 21 555 0101\"},"
            + "{\"id\":\"2\",\"login\":\"b\",\"status\":\"active\",\"billing_type\":\"prepaid\","
            + "\"phone\":\"0112345678\"}]");
    List<Account> found = accounts.findByPhone("218912345678");
    assertEquals(List.of("1"), found.stream().map(Account::id).toList());
    assertEquals(List.of("LIKE", "12345678"), calls.argsOf("customersWherePhone"));
  }

  @Test
  void severalNumbersInOneFieldAreEachCompared() {
    assertTrue(LiveAccounts.holdsNumber("021-555-0101; +218 91 234 5678", "218912345678", "LY"));
    assertTrue(LiveAccounts.holdsNumber("0912345678/0925555555", "218925555555", "LY"));
    assertFalse(LiveAccounts.holdsNumber("", "218912345678", "LY"));
  }

  @Test
  void currentSubscriptionIsActiveStartedAndNotEnded() {
    assertTrue(LiveAccounts.isCurrent(service("active", "2024-01-01", "0000-00-00"), TODAY));
    assertTrue(LiveAccounts.isCurrent(service("active", "2025-06-20", "2025-06-20"), TODAY));
    assertFalse(LiveAccounts.isCurrent(service("pending", "2025-06-01", "0000-00-00"), TODAY));
    assertFalse(LiveAccounts.isCurrent(service("active", "2025-07-01", "0000-00-00"), TODAY));
    assertFalse(LiveAccounts.isCurrent(service("active", "2024-01-01", "2025-06-19"), TODAY));
    assertFalse(LiveAccounts.isCurrent(service("stopped", "2024-01-01", "0000-00-00"), TODAY));
  }

  private static Splynx.InternetService service(String status, String start, String end) {
    return Splynx.InternetService.from(
        SplynxJson.object(
            SplynxJson.parse(
                "{\"id\":\"77\",\"customer_id\":\"1042\",\"tariff_id\":\"3\",\"status\":\""
                    + status
                    + "\",\"start_date\":\""
                    + start
                    + "\",\"end_date\":\""
                    + end
                    + "\"}")));
  }

  @Test
  void subscriptionsCarryTheirPlanReadOnceForManyTurns() {
    calls.answer(
        "internetServices",
        "[{\"id\":\"77\",\"customer_id\":\"1042\",\"tariff_id\":\"3\",\"status\":\"active\","
            + "\"unit_price\":\"450.0000\",\"start_date\":\"2024-01-01\",\"end_date\":\"0000-00-00\"},"
            + "{\"id\":\"78\",\"customer_id\":\"1042\",\"tariff_id\":\"3\",\"status\":\"stopped\","
            + "\"start_date\":\"2024-01-01\",\"end_date\":\"0000-00-00\"}]");
    calls.answer(
        "internetTariff",
        "{\"id\":\"3\",\"title\":\"Fibre 50/10\",\"price\":\"499.0000\","
            + "\"speed_download\":\"51200\",\"speed_upload\":\"10240\"}");
    List<Subscription> first = accounts.subscriptions("1042");
    accounts.subscriptions("1042");
    assertEquals(1, first.size());
    Subscription s = first.get(0);
    assertEquals("Fibre 50/10", s.plan().name());
    assertEquals(51200, s.plan().downloadKbps());
    assertEquals(new BigDecimal("450.0000"), s.price());
    assertEquals(null, s.ends());
    assertEquals(1, calls.count("internetTariff"), "the tariff is cached");
  }

  @Test
  void balanceFallsBackToCustomerBilling() {
    calls.fail("billingInfo", 404, "");
    calls.answer("customerBilling", "{\"customer_id\":\"1042\",\"deposit\":\"-499.0000\"}");
    assertEquals(new Balance(new BigDecimal("-499.0000"), null), accounts.balance("1042"));
  }

  @Test
  void balanceFromBillingInfoHasTheBlockingDate() {
    calls.answer("billingInfo", "{\"deposit\":120.5,\"blocking_date\":\"2025-07-01\"}");
    assertEquals(
        new Balance(new BigDecimal("120.5"), LocalDate.of(2025, 7, 1)), accounts.balance("1042"));
  }

  @Test
  void noCapIsUnlimitedAndACapLeavesItsRemainder() {
    Subscription sub = sub();
    calls.answer("fupUsage", "{\"traffic_amount\":0,\"used_amount\":\"5000\"}");
    assertEquals(new Usage(5000, null), accounts.usage(sub));
    calls.answer(
        "fupUsage",
        "{\"traffic_amount\":107374182400,\"used_amount\":64424509440,\"remains_amount\":42949672960}");
    assertEquals(new Usage(64424509440L, 42949672960L), accounts.usage(sub));
  }

  @Test
  void noFupReadsTheMonthsCountersAndAnEmptyCounterIs404() {
    calls.fail("fupUsage", 404, "");
    calls.fail("customerTrafficCounter", 404, "");
    assertEquals(new Usage(0, null), accounts.usage(sub()));
  }

  @Test
  void noOnlineRecordMeansOffline() {
    calls.answer("customersOnline", "[]");
    assertEquals(Session.offline(), accounts.session("1042"));
    calls.answer(
        "customersOnline",
        "[{\"customer_id\":\"1042\",\"in_bytes\":\"734003200\",\"out_bytes\":\"52428800\","
            + "\"start_session\":\"2025-06-10 07:12:44\",\"ipv4\":\"100.64.3.17\"}]");
    Session s = accounts.session("1042");
    assertTrue(s.online());
    assertEquals(734003200L, s.downloadedBytes());
    assertEquals("100.64.3.17", s.ipAddress());
  }

  @Test
  void offeredPlansMatchTheAccountsBillingType() {
    calls.answer(
        "tariffsForChange",
        "[{\"id\":\"4\",\"title\":\"Fibre 100\",\"price\":\"699\",\"billing_types\":[\"recurring\"]},"
            + "{\"id\":\"5\",\"title\":\"Daily 10\",\"price\":\"10\",\"billing_types\":[\"prepaid\"]},"
            + "{\"id\":\"6\",\"title\":\"Any\",\"price\":\"5\"}]");
    assertEquals(
        List.of("4", "6"), accounts.plansOffered(THANDI, sub()).stream().map(Plan::id).toList());
  }

  @Test
  void refusedPlanChangeIsPlanChangeRefusedWithSplynxsWords() {
    calls.fail(
        "changeTariff",
        422,
        "[{\"field\":\"targetDate\",\"message\":\"Date is earlier than allowed\"}]");
    Plan plan = new Plan("4", "Fibre 100", 102400, 20480, new BigDecimal("699"));
    var e =
        assertThrows(
            PlanChangeRefused.class, () -> accounts.changePlan(sub(), plan, TODAY, "ispchat-42"));
    assertTrue(e.getMessage().contains("earlier than allowed"), e.getMessage());
  }

  @Test
  void aMadePlanChangeIsFoundByItsNewService() {
    calls.answer(
        "internetServices",
        "[{\"id\":\"91\",\"customer_id\":\"1042\",\"tariff_id\":\"4\",\"status\":\"pending\","
            + "\"start_date\":\"2025-07-01\",\"end_date\":\"0000-00-00\"}]");
    assertEquals(
        Optional.of(new PlanChange("91", LocalDate.of(2025, 7, 1))),
        accounts.findPlanChange(sub(), "4", LocalDate.of(2025, 7, 1)));
    assertEquals(Optional.empty(), accounts.findPlanChange(sub(), "5", LocalDate.of(2025, 7, 1)));
  }

  @Test
  void aRefusedCardIsRefillCardRejected() {
    calls.fail(
        "redeemRefillCard",
        400,
        "{\"error\":{\"message\":\"Card is already used\",\"code\":400,\"internal_code\":\"BAD_REQUEST\"}}");
    var e =
        assertThrows(
            RefillCardRejected.class, () -> accounts.recharge(THANDI, "201902-kek-x", "ispchat-7"));
    assertEquals("Card is already used", e.getMessage());
  }

  @Test
  void aRedeemedCardIsFoundInItsSeries() {
    calls.answer(
        "refillCardsSeries",
        "[{\"id\":\"1\",\"full_code\":\"201902-kek-x\",\"status\":\"Used\",\"customer_id\":\"1042\"}]");
    calls.answer("billingInfo", "{\"deposit\":\"60.0000\"}");
    assertEquals(
        Optional.of(new Recharge(null, new BigDecimal("60.0000"))),
        accounts.findRecharge(THANDI, "201902-kek-x", Instant.EPOCH));
    assertEquals(List.of("201902"), calls.argsOf("refillCardsSeries"));
  }

  @Test
  void aTicketIsOpenedWithItsReferenceAndFoundByIt() {
    calls.answer("createTicket", "{\"id\":\"15\"}");
    calls.answer("createTicketMessage", "{\"id\":\"301\"}");
    assertEquals(
        new Ticket("15", false), accounts.openTicket(THANDI, "No internet", "Since noon", "r-1"));
    String ticket = calls.argsOf("createTicket").get(0);
    assertTrue(ticket.contains("\"subject\":\"No internet [r-1]\""), ticket);
    assertTrue(ticket.contains("\"type_id\":\"3\""), ticket);
    String message = calls.argsOf("createTicketMessage").get(0);
    assertTrue(message.contains("Since noon (ref r-1)"), message);

    calls.answer(
        "ticketsOfCustomer",
        "[{\"id\":\"14\",\"customer_id\":\"1042\",\"subject\":\"Other [r-0]\",\"closed\":\"1\"},"
            + "{\"id\":\"15\",\"customer_id\":\"1042\",\"subject\":\"No internet [r-1]\",\"closed\":\"0\"}]");
    assertEquals(Optional.of(new Ticket("15", false)), accounts.findTicket(THANDI, "r-1"));
  }

  @Test
  void ticketNewsAreTheAgentsVisibleMessagesAfterTheLastSeen() {
    calls.answer("ticket", "{\"id\":\"15\",\"customer_id\":\"1042\",\"closed\":true}");
    calls.answer(
        "ticketMessages",
        "[{\"id\":\"300\",\"ticket_id\":\"15\",\"author_type\":\"admin\",\"message_type\":\"message\",\"message\":\"old\"},"
            + "{\"id\":\"302\",\"ticket_id\":\"15\",\"author_type\":\"customer\",\"message_type\":\"message\",\"message\":\"me (ref r-2)\"},"
            + "{\"id\":\"303\",\"ticket_id\":\"15\",\"author_type\":\"admin\",\"message_type\":\"note\",\"message\":\"internal\"},"
            + "{\"id\":\"304\",\"ticket_id\":\"15\",\"author_type\":\"admin\",\"message_type\":\"message\",\"hide_for_customer\":\"1\",\"message\":\"hidden\"},"
            + "{\"id\":\"1000\",\"ticket_id\":\"15\",\"author_type\":\"admin\",\"message_type\":\"message\","
            + "\"message\":\"<p>Fixed &amp; done</p>\",\"date\":\"2025-06-20\",\"time\":\"11:00:00\"}]");
    TicketNews news = accounts.ticketNews("15", "300");
    assertTrue(news.closed());
    assertEquals(1, news.agentMessages().size());
    assertEquals("1000", news.agentMessages().get(0).id());
    assertEquals("Fixed & done", news.agentMessages().get(0).text());
    assertTrue(accounts.ticketHasMessage("15", "r-2"));
    assertFalse(accounts.ticketHasMessage("15", "r-3"));
  }

  @Test
  void anUnknownAccountIsEmptyAndAServerErrorIsUnavailable() {
    calls.fail("customer", 404, "");
    assertEquals(Optional.empty(), accounts.account("9"));
    calls.fail("customer", 500, "");
    assertThrows(SplynxUnavailable.class, () -> accounts.account("9"));
  }

  private static Subscription sub() {
    return new Subscription(
        "77",
        "1042",
        new Plan("3", "Fibre 50/10", 51200, 10240, new BigDecimal("499")),
        new BigDecimal("499"),
        LocalDate.of(2024, 1, 1),
        null,
        "thandi");
  }

  /** Answers by endpoint (the SplynxApi method a call invokes) with canned JSON or a status. */
  static final class CannedCalls extends SplynxCalls {
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, Integer> statuses = new HashMap<>();
    private final Map<String, List<String>> args = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    void answer(String method, String json) {
      bodies.put(method, json);
      statuses.put(method, 200);
    }

    void fail(String method, int status, String body) {
      bodies.put(method, body);
      statuses.put(method, status);
    }

    List<String> argsOf(String method) {
      return args.get(method);
    }

    int count(String method) {
      return counts.getOrDefault(method, 0);
    }

    @Override
    public JsonValue read(String what, Function<SplynxApi, Response> call) {
      return exchange(what, call);
    }

    @Override
    public JsonValue change(String what, Function<SplynxApi, Response> call) {
      return exchange(what, call);
    }

    @Override
    public boolean customerSignIn(String login, String password) {
      return "right".equals(password);
    }

    private JsonValue exchange(String what, Function<SplynxApi, Response> call) {
      String[] method = new String[1];
      SplynxApi recorder =
          (SplynxApi)
              Proxy.newProxyInstance(
                  SplynxApi.class.getClassLoader(),
                  new Class<?>[] {SplynxApi.class},
                  (proxy, m, a) -> {
                    method[0] = m.getName();
                    List<String> texts = new ArrayList<>();
                    if (a != null) {
                      for (Object o : a) {
                        texts.add(String.valueOf(o));
                      }
                    }
                    args.put(m.getName(), texts);
                    return null;
                  });
      call.apply(recorder);
      counts.merge(method[0], 1, Integer::sum);
      Integer status = statuses.get(method[0]);
      if (status == null) {
        throw new AssertionError("no canned answer for " + method[0]);
      }
      return SplynxErrors.check(what, status, bodies.get(method[0]));
    }
  }
}
