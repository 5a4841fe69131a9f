package org.ispchat.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake Splynx speaks the wire format of reference §1–§4, driven over real HTTP. */
class FakeSplynxTest {

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final String AGENT = "ispchat-test/1.0";
  private static final AtomicLong NONCE = new AtomicLong(System.currentTimeMillis() / 10);

  private static FakeSplynx splynx;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    splynx = FakeSplynx.start(0);
  }

  @AfterAll
  static void stop() {
    splynx.close();
  }

  @BeforeEach
  void fixtures() {
    splynx.reset();
    splynx.tariff("3", "Fibre 50/10", "499", 51200, 10240).changeableTo("4");
    splynx.tariff("4", "Fibre 100/20", "699", 102400, 20480);
    splynx
        .customer("1042", "000123", "Thandi Mokoena", "0821234567, +27 11 555 0101")
        .deposit("10");
    splynx
        .customer("1043", "000124", "Sipho Dlamini", "0911111111,+218922222222")
        .status("blocked");
    splynx.service("77", "1042", "3");
  }

  // ------------------------------------------------------------------ auth

  @Test
  void signedRequestIsAnswered() {
    var r = get("admin/customers/customer/1042", signed());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(
        FakeSplynx.AuthMode.SIGNATURE, splynx.requests("GET", "admin/customers").get(0).auth());
  }

  @Test
  void replayedNonceIsRejected() {
    long nonce = NONCE.incrementAndGet();
    String header = FakeSplynx.signedAuthorization(FakeSplynx.KEY, FakeSplynx.SECRET, nonce);
    assertEquals(200, get("admin/customers/customer/1042", header).statusCode());
    var replay = get("admin/customers/customer/1042", header);
    assertEquals(401, replay.statusCode());
    assertEquals("UNAUTHORIZED", error(replay).getString("internal_code"));
    String older = FakeSplynx.signedAuthorization(FakeSplynx.KEY, FakeSplynx.SECRET, nonce - 5);
    assertEquals(401, get("admin/customers/customer/1042", older).statusCode());
    assertEquals(2, splynx.nonceRejections());
  }

  @Test
  void wrongSecretAndMissingHeaderAreRefused() {
    String forged = FakeSplynx.signedAuthorization(FakeSplynx.KEY, "nope", NONCE.incrementAndGet());
    var r = get("admin/customers/customer/1042", forged);
    assertEquals(401, r.statusCode());
    assertEquals("UNAUTHORIZED", error(r).getString("internal_code"));
    var missing = get("admin/customers/customer/1042", null);
    assertEquals(401, missing.statusCode());
    assertEquals("MISSED_AUTHORIZATION_HEADER", error(missing).getString("internal_code"));
  }

  @Test
  void basicAuthNeedsAnUnsecureKey() {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (FakeSplynx.KEY + ":" + FakeSplynx.SECRET).getBytes(StandardCharsets.UTF_8));
    assertEquals(401, get("admin/customers/customer/1042", basic).statusCode());
    splynx.apiKey(FakeSplynx.KEY, FakeSplynx.SECRET, true);
    assertEquals(200, get("admin/customers/customer/1042", basic).statusCode());
  }

  @Test
  void accessTokenWorksUntilItExpiresAndIsRenewed() {
    var created = send("POST", "admin/auth/tokens", null, apiKeyTokenBody(), "application/json");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject token = object(created);
    assertTrue(token.get("access_token_expiration") instanceof jakarta.json.JsonNumber);
    assertTrue(token.containsKey("permissions"));
    String bearer = "Splynx-EA (access_token=" + token.getString("access_token") + ")";
    assertEquals(200, get("admin/tariffs/internet", bearer).statusCode());

    splynx.advance(Duration.ofMinutes(31));
    var expired = get("admin/tariffs/internet", bearer);
    assertEquals(401, expired.statusCode());
    assertEquals("EXPIRED_ACCESS_TOKEN", error(expired).getString("internal_code"));

    var renewed = get("admin/auth/tokens/" + token.getString("refresh_token"), null);
    assertEquals(200, renewed.statusCode(), renewed.body());
    String fresh = "Splynx-EA (access_token=" + object(renewed).getString("access_token") + ")";
    assertEquals(200, get("admin/tariffs/internet", fresh).statusCode());
    assertEquals(1, splynx.tokensCreated());
    assertEquals(1, splynx.tokenRenewals());

    var deleted = send("DELETE", "admin/auth/tokens/" + token.getString("refresh_token"), null);
    assertEquals(204, deleted.statusCode());
    assertEquals(401, get("admin/tariffs/internet", fresh).statusCode());
  }

  @Test
  void tokenIsPinnedToItsUserAgent() {
    var created =
        send(
            "POST",
            "admin/auth/tokens",
            null,
            "auth_type=api_key&key=" + FakeSplynx.KEY + "&nonce=" + nonceAndSignature(),
            "application/x-www-form-urlencoded");
    assertEquals(201, created.statusCode(), created.body());
    String bearer = "Splynx-EA (access_token=" + object(created).getString("access_token") + ")";
    HttpResponse<String> r =
        exchange(
            HttpRequest.newBuilder(uri("admin/tariffs/internet"))
                .header("Authorization", bearer)
                .header("User-Agent", "another-client")
                .GET());
    assertEquals(401, r.statusCode());
    assertEquals("USER_AGENT_CHANGED", error(r).getString("internal_code"));
  }

  @Test
  void customerLoginProvesWhoTheCustomerIs() {
    splynx.customer("1050", "alice", "Alice", "0911111111").portalPassword("right");
    String good = "{\"auth_type\":\"customer\",\"login\":\"alice\",\"password\":\"right\"}";
    assertEquals(
        201, send("POST", "admin/auth/tokens", null, good, "application/json").statusCode());
    String bad = "{\"auth_type\":\"customer\",\"login\":\"alice\",\"password\":\"wrong\"}";
    var refused = send("POST", "admin/auth/tokens", null, bad, "application/json");
    assertEquals(401, refused.statusCode());
    assertEquals("INVALID_USER", error(refused).getString("internal_code"));
  }

  // ------------------------------------------------------------------ wire format

  @Test
  void idsMoneyAndFlagsAreStringsAndEmptyDatesAreZeros() {
    JsonObject customer = object(get("admin/customers/customer/1042", signed()));
    assertEquals(JsonValue.ValueType.STRING, customer.get("id").getValueType());
    assertTrue(customer.containsKey("password"));
    JsonObject billing = object(get("admin/customers/customer-billing/1042", signed()));
    assertEquals("10.0000", billing.getString("deposit"));
    JsonObject info = object(get("admin/customers/billing-info/1042", signed()));
    assertEquals(JsonValue.ValueType.NUMBER, info.get("deposit").getValueType());
    assertEquals(JsonValue.ValueType.NUMBER, info.get("howManyDaysLeft").getValueType());
    JsonArray services = array(get("admin/customers/customer/1042/internet-services", signed()));
    assertEquals("0000-00-00", services.getJsonObject(0).getString("end_date"));
    assertEquals("499.0000", services.getJsonObject(0).getString("unit_price"));
    JsonObject tariff = object(get("admin/tariffs/internet/3", signed()));
    assertEquals("51200", tariff.getString("speed_download"));
  }

  @Test
  void listsAreBareArraysWithLimitOffsetAndOrder() {
    var r = get("admin/customers/customer?order%5Bid%5D=DESC&limit=1&offset=1", signed());
    JsonArray customers = array(r);
    assertEquals(1, customers.size());
    assertEquals("1042", customers.getJsonObject(0).getString("id"));
  }

  @Test
  void headCountsTheMatchesInXTotalCount() {
    var r = send("HEAD", "admin/customers/customer?main_attributes%5Bstatus%5D=active", signed());
    assertEquals(204, r.statusCode());
    assertEquals("1", r.headers().firstValue("X-total-count").orElse(""));
  }

  @Test
  void phoneLikeFindsANumberInsideACommaSeparatedField() {
    JsonArray found = array(get("admin/customers/customer?" + phoneLike("922222222"), signed()));
    assertEquals(1, found.size());
    assertEquals("1043", found.getJsonObject(0).getString("id"));
    // A substring of the text as stored: spaces inside a stored number are not skipped.
    assertEquals(
        0, array(get("admin/customers/customer?" + phoneLike("5550101"), signed())).size());
  }

  private static String phoneLike(String digits) {
    return "main_attributes%5Bphone%5D%5B0%5D=LIKE&main_attributes%5Bphone%5D%5B1%5D=" + digits;
  }

  @Test
  void inAndBetweenAndNotEqualFilter() {
    String in =
        "main_attributes%5Bstatus%5D%5B0%5D=IN&main_attributes%5Bstatus%5D%5B1%5D%5B0%5D=blocked"
            + "&main_attributes%5Bstatus%5D%5B1%5D%5B1%5D=disabled";
    assertEquals(
        "1043",
        array(get("admin/customers/customer?" + in, signed())).getJsonObject(0).getString("id"));
    String between =
        "main_attributes%5Bid%5D%5B0%5D=BETWEEN&main_attributes%5Bid%5D%5B1%5D=1000"
            + "&main_attributes%5Bid%5D%5B2%5D=1042";
    assertEquals(1, array(get("admin/customers/customer?" + between, signed())).size());
    String notEqual = "main_attributes%5Bid%5D%5B0%5D=%3C%3E&main_attributes%5Bid%5D%5B1%5D=1042";
    assertEquals(1, array(get("admin/customers/customer?" + notEqual, signed())).size());
  }

  @Test
  void errorsComeInTheEnvelope() {
    var missing = get("admin/customers/customer/9999", signed());
    assertEquals(404, missing.statusCode());
    assertEquals(404, error(missing).getInt("code"));
    var unknown = get("admin/customers/main-balance/1042", signed());
    assertEquals("NOT_FOUND", error(unknown).getString("internal_code"));
    var cards = get("admin/finance/refill-cards", signed());
    assertEquals(405, cards.statusCode());
    assertEquals("METHOD_NOT_ALLOWED", error(cards).getString("internal_code"));
    assertEquals(404, get("admin/customers/customer-traffic-counter", signed()).statusCode());
  }

  // ------------------------------------------------------------------ money and plans

  @Test
  void refillCardRedeemsOnceAndCreditsTheDeposit() {
    splynx.refillCard("201902-kek-Cr7KphD1", "25");
    String body = "{\"code\":\"201902-kek-Cr7KphD1\",\"customer_id\":\"1042\"}";
    var first =
        send("PUT", "admin/finance/refill-cards/0?redeem=true", signed(), body, "application/json");
    assertEquals(202, first.statusCode(), first.body());
    assertEquals(0, new BigDecimal("35").compareTo(splynx.deposit("1042")));
    assertEquals("Used", splynx.refillCardState("201902-kek-Cr7KphD1").getString("status"));
    assertEquals(
        "Refill card 201902-kek-Cr7KphD1", splynx.paymentsOf("1042").get(0).getString("comment"));
    JsonArray serie = array(get("admin/finance/refill-cards-series/201902", signed()));
    assertEquals("1042", serie.getJsonObject(0).getString("customer_id"));

    var second =
        send("PUT", "admin/finance/refill-cards/0?redeem=true", signed(), body, "application/json");
    assertEquals(400, second.statusCode());
    assertEquals("INVALID_INPUT_DATA", error(second).getString("internal_code"));
    assertEquals(2, splynx.redeemCalls().size());
    assertEquals("201902-kek-Cr7KphD1", splynx.redeemCalls().get(1).field("code"));
  }

  @Test
  void expiredCardIsRefused() {
    splynx.refillCard("1234567890", "5").validTill(LocalDate.now().minusDays(1));
    var r =
        send(
            "PUT",
            "admin/finance/refill-cards/0?redeem=true",
            signed(),
            "code=1234567890&customer_id=1042",
            "application/x-www-form-urlencoded");
    assertEquals(400, r.statusCode());
  }

  @Test
  void planChangeEndsTheOldServiceAndStartsANewOne() {
    LocalDate today = splynx.today();
    JsonObject date = object(get("admin/tariffs/change-tariff/77?type=internet", signed()));
    assertEquals(today.toString(), date.getString("target_date"));
    JsonArray targets = array(get("admin/tariffs/tariffs-for-change?type=internet&id=3", signed()));
    assertEquals("4", targets.getJsonObject(0).getString("id"));

    String notAllowed = "{\"newTariffId\":99,\"targetDate\":\"" + today + "\"}";
    var refused =
        send(
            "PUT",
            "admin/tariffs/change-tariff/77?type=internet",
            signed(),
            notAllowed,
            "application/json");
    assertEquals(422, refused.statusCode());
    assertEquals("newTariffId", array(refused).getJsonObject(0).getString("field"));
    String tooEarly = "{\"newTariffId\":4,\"targetDate\":\"" + today.minusDays(1) + "\"}";
    assertEquals(
        422,
        send(
                "PUT",
                "admin/tariffs/change-tariff/77?type=internet",
                signed(),
                tooEarly,
                "application/json")
            .statusCode());

    String future = "{\"newTariffId\":4,\"targetDate\":\"" + today.plusDays(3) + "\"}";
    var changed =
        send(
            "PUT",
            "admin/tariffs/change-tariff/77?type=internet",
            signed(),
            future,
            "application/json");
    assertEquals(202, changed.statusCode());
    String newId = changed.body();
    List<JsonObject> services = splynx.servicesOf("1042");
    JsonObject old =
        services.stream().filter(s -> s.getString("id").equals("77")).findFirst().get();
    JsonObject fresh =
        services.stream().filter(s -> s.getString("id").equals(newId)).findFirst().get();
    assertEquals(today.plusDays(2).toString(), old.getString("end_date"));
    assertEquals("pending", fresh.getString("status"));
    assertEquals("699.0000", fresh.getString("unit_price"));
    assertEquals(3, splynx.changeTariffCalls().size());
  }

  // ------------------------------------------------------------------ tickets

  @Test
  void ticketConversationBothWays() {
    var incomplete =
        send(
            "POST",
            "admin/support/tickets",
            signed(),
            "subject=Help",
            "application/x-www-form-urlencoded");
    assertEquals(422, incomplete.statusCode());
    assertEquals(2, array(incomplete).size());

    String boundary = "----fake" + System.nanoTime();
    String multipart =
        part(boundary, "customer_id", "1042")
            + part(boundary, "subject", "WhatsApp: no internet")
            + part(boundary, "priority", "medium")
            + part(boundary, "type_id", "1")
            + "--"
            + boundary
            + "--\r\n";
    var created =
        send(
            "POST",
            "admin/support/tickets",
            signed(),
            multipart,
            "multipart/form-data; boundary=" + boundary);
    assertEquals(201, created.statusCode(), created.body());
    String ticketId = object(created).getString("id");
    String message = "{\"ticket_id\":" + ticketId + ",\"message\":\"Customer: my line is down\"}";
    assertEquals(
        201,
        send("POST", "admin/support/ticket-messages", signed(), message, "application/json")
            .statusCode());
    splynx.agentReplies(ticketId, "We are on it");
    splynx.closeTicket(ticketId);

    JsonArray messages =
        array(
            get(
                "admin/support/ticket-messages?main_attributes%5Bticket_id%5D=" + ticketId,
                signed()));
    assertEquals(2, messages.size());
    assertEquals("admin", messages.getJsonObject(1).getString("author_type"));
    assertEquals(
        "1", object(get("admin/support/tickets/" + ticketId, signed())).getString("closed"));
    assertEquals(1, splynx.ticketsCreated().size());
    assertEquals(2, splynx.ticketMessages(ticketId).size());
    assertEquals(500, get("admin/support/ticket-messages", signed()).statusCode());
    assertFalse(array(get("admin/support/tickets-types", signed())).isEmpty());
  }

  // ------------------------------------------------------------------ faults

  @Test
  void latencyAndInjectedFailures() {
    splynx.latency(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertEquals(200, get("admin/api/check", null).statusCode());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    splynx.latency(Duration.ZERO);

    splynx.failNext(2, 500);
    assertEquals(500, get("admin/api/check", null).statusCode());
    assertEquals("SERVER_ERROR", error(get("admin/api/check", null)).getString("internal_code"));
    assertEquals(200, get("admin/api/check", null).statusCode());

    splynx.failOn("GET", "admin/tariffs", 403);
    assertEquals(403, get("admin/tariffs/internet", signed()).statusCode());
  }

  @Test
  void crashAfterChangesSplynxButNeverAnswers() {
    splynx.refillCard("555", "5");
    splynx.crashAfter("PUT", "admin/finance/refill-cards");
    HttpRequest request =
        HttpRequest.newBuilder(uri("admin/finance/refill-cards/0?redeem=true"))
            .header("Authorization", signed())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"code\":\"555\",\"customer_id\":\"1042\"}"))
            .build();
    assertThrows(IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
    assertEquals("Used", splynx.refillCardState("555").getString("status"));
    assertEquals(-1, splynx.redeemCalls().get(0).status());
  }

  // ------------------------------------------------------------------ helpers

  private static String signed() {
    return FakeSplynx.signedAuthorization(
        FakeSplynx.KEY, FakeSplynx.SECRET, NONCE.incrementAndGet());
  }

  private static String nonceAndSignature() {
    long nonce = NONCE.incrementAndGet();
    return nonce + "&signature=" + FakeSplynx.signature(FakeSplynx.SECRET, nonce, FakeSplynx.KEY);
  }

  private static String apiKeyTokenBody() {
    long nonce = NONCE.incrementAndGet();
    return "{\"auth_type\":\"api_key\",\"key\":\""
        + FakeSplynx.KEY
        + "\",\"nonce\":"
        + nonce
        + ",\"signature\":\""
        + FakeSplynx.signature(FakeSplynx.SECRET, nonce, FakeSplynx.KEY)
        + "\"}";
  }

  private static String part(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private static URI uri(String path) {
    return splynx.url().resolve("/api/2.0/" + path);
  }

  private HttpResponse<String> get(String path, String authorization) {
    return send("GET", path, authorization);
  }

  private HttpResponse<String> send(String method, String path, String authorization) {
    return send(method, path, authorization, null, null);
  }

  private HttpResponse<String> send(
      String method, String path, String authorization, String body, String contentType) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("User-Agent", AGENT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return exchange(b);
  }

  private HttpResponse<String> exchange(HttpRequest.Builder b) {
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonStructure read(HttpResponse<String> r) {
    try (var reader = JSON.createReader(new StringReader(r.body()))) {
      return reader.read();
    }
  }

  private static JsonObject object(HttpResponse<String> r) {
    return (JsonObject) read(r);
  }

  private static JsonArray array(HttpResponse<String> r) {
    return (JsonArray) read(r);
  }

  private static JsonObject error(HttpResponse<String> r) {
    return object(r).getJsonObject("error");
  }
}
