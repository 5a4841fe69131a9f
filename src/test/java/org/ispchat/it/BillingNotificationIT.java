package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.ispchat.testing.EvolutionWebhooks;
import org.ispchat.testing.FakeEvolution;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.IspCustomers;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.NotifyApi;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The billing notification API as billing systems call it: the seed guide's request, every status
 * code of the contract, idempotency under concurrent retries, text or template by the customer's
 * 24-hour window, opt-out, and the status of each message as WhatsApp reports it.
 */
class BillingNotificationIT extends ServerTest {

  private final FakeEvolution evolution = FakeEvolution.shared();
  private NotifyApi api;
  private String key;

  @BeforeEach
  void aBillingSystemWithAKey() {
    api = new NotifyApi(base());
    key =
        api.createKey(
            "WISPMAN " + System.nanoTime(), List.of("send_message", "receive_message"), null);
  }

  @Test
  void theSeedGuidesCurlRequestIsAcceptedAndSentAsATemplate() {
    String phone = IspCustomers.newMobile();
    // The guide's body, byte for byte, but for the number (the guide's is Kenyan and shared).
    String body =
        "{\n    \"phone_number\": \""
            + phone
            + "\",\n    \"customer_name\": \"Test Customer\",\n    \"amount\": 100.00,\n"
            + "    \"currency\": \"KES\",\n    \"invoice_id\": \"TEST-001\",\n"
            + "    \"message_type\": \"payment_reminder\"\n  }";
    HttpResponse<String> r = api.send("default", key, body);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject answer = NotifyApi.json(r.body());
    assertTrue(answer.getBoolean("success"));
    assertEquals("TEST-001", answer.getString("invoice_id"));
    assertTrue(answer.getString("message_id").matches("[0-9a-f-]{36}"), answer.toString());

    FakeGraphApi.Send sent = firstSend(phone);
    assertEquals("template", sent.type(), "a customer who never wrote gets a template");
    JsonObject template = sent.body().getJsonObject("template");
    assertEquals("ispchat_payment_reminder", template.getString("name"));
    assertEquals("en", template.getJsonObject("language").getString("code"));
    List<String> parameters =
        template.getJsonArray("components").getJsonObject(0).getJsonArray("parameters").stream()
            .map(p -> p.asJsonObject().getString("text"))
            .toList();
    assertEquals(List.of("Test Customer", "KES 100.00", "TEST-001", "not stated"), parameters);

    JsonObject status = awaitStatus(answer.getString("message_id"), "sent");
    assertEquals("TEST-001", status.getString("invoice_id"));
    assertEquals(phone, status.getString("phone_number"));
    assertEquals("template", status.getString("form"));
  }

  @Test
  void statusesFromWhatsAppMoveTheMessageForwardOnly() {
    String phone = IspCustomers.newMobile();
    String id = accepted(api.send("default", key, NotifyApi.notice(phone, "INV-S1", "invoice")));
    FakeGraphApi.Send sent = firstSend(phone);
    meta()
        .deliver(
            MetaWebhooks.envelope(
                List.of(), List.of(MetaWebhooks.status(sent.wamid(), "read", now(), phone))));
    awaitStatus(id, "read");
    meta()
        .deliver(
            MetaWebhooks.envelope(
                List.of(),
                List.of(MetaWebhooks.status(sent.wamid(), "delivered", now() - 5, phone))));
    sleep(Duration.ofMillis(500));
    assertEquals(
        "read", statusOf(id).getString("status"), "a late 'delivered' does not move it back");
  }

  @Test
  void aFailedMessageSaysWhyInPlainWords() {
    String phone = IspCustomers.newMobile();
    graph.script(
        phone,
        FakeGraphApi.metaError(
            400, 132001, "(#132001) Template name does not exist in the translation", "x"));
    String id = accepted(api.send("default", key, NotifyApi.notice(phone, "INV-F1", "overdue")));
    JsonObject status = awaitStatus(id, "failed");
    assertTrue(
        status.getString("reason").startsWith("The template does not exist in this language"),
        status.toString());
  }

  @Test
  void tenConcurrentIdenticalRequestsMakeOneMessage() throws Exception {
    String phone = IspCustomers.newMobile();
    String body = NotifyApi.notice(phone, "INV-RACE", "payment_reminder");
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(() -> api.send("default", key, body));
      }
      Set<String> ids = new HashSet<>();
      for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
        ids.add(accepted(f.get()));
      }
      assertEquals(1, ids.size(), "every retry answers the first request's message id");
      firstSend(phone);
      sleep(Duration.ofSeconds(1));
      assertEquals(1, graph.sendsTo(phone).size(), "one WhatsApp message");
      assertEquals(
          ids.iterator().next(),
          accepted(api.send("default", key, body)),
          "a retry later still finds it");
      String other =
          accepted(api.send("default", key, NotifyApi.notice(phone, "INV-RACE", "overdue")));
      assertFalse(ids.contains(other), "another type of notice for the invoice is a new message");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void insideTheCustomersWindowTheNoticeIsPlainText() {
    String phone = IspCustomers.newMobile();
    deliver(MetaWebhooks.text(phone, MetaWebhooks.newWamid(), "hello", now()));
    firstSend(phone); // the bot's answer
    int before = graph.sendsTo(phone).size();
    accepted(api.send("default", key, NotifyApi.notice(phone, "INV-W1", "confirmation")));
    FakeGraphApi.Send notice =
        Poll.until(
                () -> graph.sendsTo(phone),
                s -> s.size() > before,
                Duration.ofSeconds(20),
                "the notice")
            .get(before);
    assertEquals("text", notice.type());
    assertEquals(
        "*Payment Received*\n\nDear John Doe,\nThank you! We have received your payment.\n"
            + "Amount: KES 1,500.00\nInvoice: #INV-W1\n\nYour account is now up to date.",
        notice.text());
  }

  @Test
  void aCustomerWhoWroteStopGetsNoRemindersButStillConfirmations() {
    String phone = IspCustomers.newMobile();
    deliver(MetaWebhooks.text(phone, MetaWebhooks.newWamid(), "STOP", now()));
    Poll.until(
        () ->
            graph.acceptedTo(phone).stream().anyMatch(s -> s.text().contains("no longer receive")),
        Duration.ofSeconds(20),
        "the opt-out confirmation");
    String reminder =
        accepted(api.send("default", key, NotifyApi.notice(phone, "INV-O1", "payment_reminder")));
    assertEquals("skipped_opted_out", statusOf(reminder).getString("status"));
    String confirmation =
        accepted(api.send("default", key, NotifyApi.notice(phone, "INV-O1", "confirmation")));
    awaitStatus(confirmation, "sent");

    deliver(MetaWebhooks.text(phone, MetaWebhooks.newWamid(), "START", now() + 1));
    Poll.until(
        () -> graph.acceptedTo(phone).stream().anyMatch(s -> s.text().contains("are on again")),
        Duration.ofSeconds(20),
        "the opt-in confirmation");
    String again =
        accepted(api.send("default", key, NotifyApi.notice(phone, "INV-O2", "payment_reminder")));
    awaitStatus(again, "sent");
  }

  @Test
  void theFeedCarriesStatusChangesAndInboundMessagesAfterACursor() {
    String start = java.time.Instant.now().minusSeconds(1).toString();
    String phone = IspCustomers.newMobile();
    String id = accepted(api.send("default", key, NotifyApi.notice(phone, "INV-FEED", "invoice")));
    awaitStatus(id, "sent");
    deliver(MetaWebhooks.text(phone, MetaWebhooks.newWamid(), "I paid yesterday", now()));
    JsonObject page =
        Poll.until(
            () -> NotifyApi.json(api.feed(start, key).body()),
            p ->
                p.getJsonArray("events").stream()
                    .map(e -> e.asJsonObject())
                    .anyMatch(
                        e ->
                            e.getString("type").equals("inbound")
                                && e.getString("phone_number").equals(phone)),
            Duration.ofSeconds(20),
            "the customer's message in the feed");
    List<JsonObject> events =
        page.getJsonArray("events").stream().map(e -> e.asJsonObject()).toList();
    assertTrue(
        events.stream()
            .anyMatch(
                e -> e.getString("type").equals("status") && e.getString("message_id").equals(id)),
        events.toString());
    String next = page.getString("next");
    List<JsonObject> after =
        NotifyApi.json(api.feed(next, key).body()).getJsonArray("events").stream()
            .map(e -> e.asJsonObject())
            .toList();
    assertFalse(
        after.stream()
            .anyMatch(
                e ->
                    e.getString("type").equals("inbound")
                        && e.getString("phone_number").equals(phone)),
        "a message seen is not repeated after the cursor");
  }

  @Test
  void everyRefusalHasTheContractsStatusAndADetail() {
    String phone = IspCustomers.newMobile();
    String body = NotifyApi.notice(phone, "INV-E1", "payment_reminder");
    assertRefused(401, "Missing API key", api.send("default", null, body));
    assertRefused(401, "Invalid API key", api.send("default", "isp_nope", body));
    assertRefused(
        401,
        "Invalid API key",
        api.send("default", key.substring(0, key.length() - 1) + "x", body));
    String readOnly = api.createKey("reader", List.of("receive_message"), null);
    assertRefused(401, "lacks the send_message permission", api.send("default", readOnly, body));
    assertRefused(404, "not found", api.send("no-such-instance", key, body));
    String scoped = api.createKey("scoped", List.of("send_message"), List.of("default"));
    assertEquals(200, api.send("default", scoped, body).statusCode());
    assertRefused(400, "instance_id is required", api.send("", key, body));
    assertRefused(400, "not valid JSON", api.send("default", key, "{\"phone_number\": "));
    assertRefused(400, "must be a JSON object", api.send("default", key, "[1,2]"));
    assertRefused(
        400, "customer_name is required", api.send("default", key, body.replace("John Doe", "")));
    assertRefused(
        400,
        "message_type 'bill' is not one of",
        api.send("default", key, body.replace("payment_reminder", "bill")));
    assertRefused(
        400, "is not a valid phone number", api.send("default", key, body.replace(phone, "123")));
    String huge = body.replace("John Doe", "x".repeat(1024 * 1024));
    assertEquals(413, api.send("default", key, huge).statusCode());

    String revoked = api.createKey("to revoke", List.of("send_message"), null);
    JsonObject listed =
        NotifyApi.json(api.adminGet("api/v1/admin/api-keys").body())
            .getJsonArray("api_keys")
            .stream()
            .map(k -> k.asJsonObject())
            .filter(k -> k.getString("name").equals("to revoke"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertTrue(
        api.adminDelete("api/v1/admin/api-keys/" + listed.getJsonNumber("id").longValue())
                .statusCode()
            < 300);
    assertRefused(401, "revoked", api.send("default", revoked, body));
  }

  @Test
  void aKeyScopedToAnotherInstanceSeesNeitherItNorItsMessages() {
    String phone = IspCustomers.newMobile();
    String id = accepted(api.send("default", key, NotifyApi.notice(phone, "INV-SC", "invoice")));
    String branch = cloudInstance("branch", null, null);
    String elsewhere =
        api.createKey("elsewhere", List.of("send_message", "receive_message"), List.of(branch));
    assertRefused(
        404,
        "not found or not available to this API key",
        api.send("default", elsewhere, NotifyApi.notice(phone, "INV-SC2", "invoice")));
    assertRefused(404, "No message", api.status(id, elsewhere));
    accepted(api.send(branch, elsewhere, NotifyApi.notice(phone, "INV-SC3", "invoice")));
  }

  @Test
  void aNightRequestIsAcceptedAtOnceScheduledAndSentWhenTheWindowOpens() {
    // The instance's zone is chosen so that it is 07:59:48 there now: the 08:00 opening is twelve
    // seconds away, and the test waits for a real morning without waiting for a real night.
    Instant opening = Instant.now().plusSeconds(12);
    int secondsOfDay = opening.atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
    int offset = 8 * 3600 - secondsOfDay;
    offset = Math.floorMod(offset + 12 * 3600, 24 * 3600) - 12 * 3600;
    String zone = ZoneOffset.ofTotalSeconds(offset).getId();
    String number = "1065" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
    String instance = cloudInstance("night", number, zone);
    String phone = IspCustomers.newMobile();

    String reminder =
        accepted(api.send(instance, key, NotifyApi.notice(phone, "INV-N1", "payment_reminder")));
    JsonObject waiting = statusOf(reminder);
    assertEquals("scheduled", waiting.getString("status"), waiting.toString());
    Instant scheduledFor = Instant.parse(waiting.getString("scheduled_for"));
    assertTrue(
        Math.abs(Duration.between(opening, scheduledFor).toMillis()) < 1500,
        "scheduled for the window's opening: " + scheduledFor + " vs " + opening);
    assertEquals(List.of(), graph.sendsTo(phone), "nothing goes out at night");

    String confirmation =
        accepted(api.send(instance, key, NotifyApi.notice(phone, "INV-N1", "confirmation")));
    awaitStatus(confirmation, "sent");
    assertEquals(
        "ispchat_confirmation",
        graph.sendsTo(phone).get(0).body().getJsonObject("template").getString("name"),
        "a payment confirmation goes at once, past the reminder held for the morning");

    JsonObject sent = awaitStatus(reminder, "sent");
    assertFalse(
        Instant.parse(sent.getString("updated_at")).isBefore(scheduledFor),
        "sent in the morning, not before");
    assertEquals(number, graph.sendsTo(phone).get(1).phoneNumberId(), "from the instance's number");
  }

  @Test
  void anEvolutionInstanceSendsTextAndADisconnectedOneAnswers400() {
    String name = "billing-" + System.nanoTime();
    evolution.instance(name, "evo-key-" + name);
    String instance = evolutionInstance(name, "evo-key-" + name);
    String phone = IspCustomers.newMobile();
    String id = accepted(api.send(instance, key, NotifyApi.notice(phone, "INV-EV1", "overdue")));
    Poll.until(
        () -> evolution.acceptedTo(phone), s -> !s.isEmpty(), Duration.ofSeconds(20), "the send");
    FakeEvolution.Send sent = evolution.acceptedTo(phone).get(0);
    assertEquals("evo-key-" + name, sent.apikey());
    assertTrue(sent.text().startsWith("*Payment Overdue Notice*"), sent.text());
    assertEquals("text", awaitStatus(id, "sent").getString("form"), "Evolution has no templates");

    evolution.state(name, "close");
    evolutionWebhooks().deliver(EvolutionWebhooks.connection(name, "close"), "secret-" + name);
    Poll.until(
        () -> api.send(instance, key, NotifyApi.notice(phone, "INV-EV2", "overdue")),
        r -> r.statusCode() == 400,
        Duration.ofSeconds(10),
        "400 for a closed session");
    assertRefused(
        400,
        "Instance is not connected",
        api.send(instance, key, NotifyApi.notice(phone, "INV-EV3", "overdue")));
  }

  @Test
  void aKeyPastItsRateGets429WithRetryAfterAndOtherKeysDoNot() {
    String busy = api.createKey("busy", List.of("send_message"), null);
    // 50 a second with a burst of 200: look-ups as fast as one client can make them run past it.
    HttpResponse<String> refused = null;
    for (int i = 0; i < 5000 && refused == null; i++) {
      HttpResponse<String> r = api.status(java.util.UUID.randomUUID().toString(), busy);
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        assertEquals(404, r.statusCode(), r.body());
      }
    }
    assertTrue(refused != null, "the limit was reached");
    assertTrue(
        Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1,
        "Retry-After in whole seconds");
    assertTrue(
        NotifyApi.json(refused.body()).getString("detail").startsWith("Rate limit exceeded"),
        refused.body());
    // Sends cost more than look-ups: several clients at once outrun the refill.
    java.util.concurrent.atomic.AtomicBoolean sendLimited =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < 16; c++) {
        running.add(
            clients.submit(
                () -> {
                  while (!sendLimited.get() && n.incrementAndGet() < 2000) {
                    String body =
                        NotifyApi.notice(IspCustomers.newMobile(), "INV-RL" + n.get(), "invoice");
                    if (api.send("default", busy, body).statusCode() == 429) {
                      sendLimited.set(true);
                    }
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      clients.shutdownNow();
    }
    assertTrue(sendLimited.get(), "sending is limited by the same bucket");
    assertEquals(
        404,
        api.status(java.util.UUID.randomUUID().toString(), key).statusCode(),
        "another key keeps its own rate");
  }

  @Test
  void aTemplateMappingThatDoesNotFitIsRefusedBeforeAnythingIsSent() {
    String instance = cloudInstance("mapping", null, null);
    HttpResponse<String> put =
        api.adminPut(
            "api/v1/admin/instances/" + instance + "/templates/invoice/en",
            "{\"template_name\": \"acme_invoice\", \"template_language\": \"en_US\","
                + " \"parameters\": [\"customer_name\", \"amount\", \"invoice_id\"],"
                + " \"parameter_count\": 4}");
    assertEquals(200, put.statusCode(), put.body());
    String phone = IspCustomers.newMobile();
    assertRefused(
        400,
        "takes 4 parameter(s) but 3 are mapped",
        api.send(instance, key, NotifyApi.notice(phone, "INV-M1", "invoice")));
    assertEquals(List.of(), graph.sendsTo(phone), "nothing was sent");
    // Another type on the same instance keeps its default template and goes.
    accepted(api.send(instance, key, NotifyApi.notice(phone, "INV-M1", "overdue")));
  }

  /** A Cloud API instance added through the admin API; its id. */
  private String cloudInstance(String prefix, String number, String zone) {
    String id = prefix + "-" + System.nanoTime();
    var body =
        jakarta.json.Json.createObjectBuilder()
            .add("instance_id", id)
            .add("name", prefix)
            .add("provider", "cloud_api")
            .add(
                "phone_number_id",
                number != null
                    ? number
                    : "1066" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999)));
    if (zone != null) {
      body.add("time_zone", zone).add("send_window", "08:00-21:00");
    }
    HttpResponse<String> r = api.adminPost("api/v1/admin/instances", body.build().toString());
    assertEquals(201, r.statusCode(), r.body());
    return id;
  }

  private String evolutionInstance(String name, String apikey) {
    String id = "evo-" + System.nanoTime();
    String body =
        jakarta.json.Json.createObjectBuilder()
            .add("instance_id", id)
            .add("name", name)
            .add("provider", "evolution")
            .add("evolution_instance", name)
            .add("api_url", evolution.url())
            .add("api_key", apikey)
            .add("webhook_secret", "secret-" + name)
            .build()
            .toString();
    HttpResponse<String> r = api.adminPost("api/v1/admin/instances", body);
    assertEquals(201, r.statusCode(), r.body());
    return id;
  }

  private EvolutionWebhooks evolutionWebhooks() {
    return new EvolutionWebhooks(base());
  }

  private static void assertRefused(int status, String detail, HttpResponse<String> r) {
    assertEquals(status, r.statusCode(), r.body());
    String said = NotifyApi.json(r.body()).getString("detail");
    assertTrue(said.contains(detail), said + " should say " + detail);
  }

  private static String accepted(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return NotifyApi.json(r.body()).getString("message_id");
  }

  private FakeGraphApi.Send firstSend(String phone) {
    return Poll.until(
            () -> graph.sendsTo(phone),
            s -> !s.isEmpty(),
            Duration.ofSeconds(20),
            "a send to " + phone)
        .get(0);
  }

  private JsonObject statusOf(String id) {
    HttpResponse<String> r = api.status(id, key);
    assertEquals(200, r.statusCode(), r.body());
    return NotifyApi.json(r.body());
  }

  private JsonObject awaitStatus(String id, String status) {
    return Poll.until(
        () -> statusOf(id),
        s -> s.getString("status").equals(status),
        Duration.ofSeconds(20),
        status);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
