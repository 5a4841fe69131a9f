package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.ispchat.testing.MetaPayloadMutator;
import org.ispchat.testing.MetaPayloadMutator.Case;
import org.ispchat.testing.MetaPayloadMutator.Intact;
import org.ispchat.testing.MetaWebhooks;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, item 6: webhook content never causes a 5xx. Correctly signed deliveries in Meta's
 * shapes, mutated from a fixed seed ({@code -Dfuzz.seed} to change it, {@code -Dfuzz.deliveries}
 * for more), must be answered 200, or 400 when the body is not JSON or not a WhatsApp Business
 * Account object; and every message that came through the mutation intact must be stored.
 */
class WebhookFuzzIT extends ServerTest {

  private static final long DEFAULT_SEED = 20261129L;

  /**
   * A business number of their own: the replies to hundreds of fuzzed messages are paced apart from
   * the other tests' replies instead of queueing in front of them.
   */
  private static final String FUZZ_NUMBER = "106540352240666";

  @Test
  void mutatedDeliveriesAreNeverAServerErrorAndTheirIntactMessagesAreStored() throws Exception {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    int deliveries = Integer.getInteger("fuzz.deliveries", 600);
    String run = Integer.toString(10_000 + ThreadLocalRandom.current().nextInt(90_000));
    System.out.printf(
        "WebhookFuzzIT: seed %d, %d deliveries (rerun with -Dfuzz.seed=%d), ids tagged %s%n",
        seed, deliveries, seed, run);
    List<String> customers =
        IntStream.range(0, 12).mapToObj(i -> "2187" + run + String.format("%02d", i)).toList();
    MetaPayloadMutator mutator = new MetaPayloadMutator(seed, run, FUZZ_NUMBER, customers);
    List<Case> cases = IntStream.range(0, deliveries).mapToObj(i -> mutator.next()).toList();
    long skippedBefore = skippedEntries();
    long started = System.nanoTime();

    MetaWebhooks meta = meta();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (Case c : cases) {
        answers.add(clients.submit(() -> meta.deliver(c.body())));
      }
      List<String> failures = new ArrayList<>();
      Map<String, Set<String>> expected = new HashMap<>();
      Map<String, Case> caseOf = new HashMap<>();
      int refused = 0;
      for (Case c : cases) {
        HttpResponse<String> r = answers.get(c.index()).get();
        if (r.statusCode() != c.expectedStatus()) {
          failures.add(describe(c, "answered " + r.statusCode() + " " + r.body()));
        } else if (r.statusCode() == 400 && !r.body().contains("\"detail\"")) {
          failures.add(describe(c, "400 without a detail: " + r.body()));
        }
        refused += r.statusCode() == 400 ? 1 : 0;
        for (Intact m : c.intact()) {
          expected.computeIfAbsent(m.from(), k -> new HashSet<>()).add(m.wamid());
          caseOf.put(m.wamid(), c);
        }
      }
      long answered = System.nanoTime();
      // Stored messages are in the log the moment the webhook answered: no waiting needed. One
      // look per customer: the admin API checks a PBKDF2 password on every call.
      for (var e : expected.entrySet()) {
        Set<String> stored = new HashSet<>();
        admin().messages(e.getKey(), 500).stream()
            .filter(m -> m.getString("direction").equals("in"))
            .forEach(m -> stored.add(m.getString("provider_message_id", "")));
        for (String wamid : e.getValue()) {
          if (!stored.contains(wamid)) {
            failures.add(
                describe(caseOf.get(wamid), wamid + " from " + e.getKey() + " not stored"));
          }
        }
      }
      int intact = expected.values().stream().mapToInt(Set::size).sum();
      long skipped = skippedEntries() - skippedBefore;
      System.out.printf(
          "WebhookFuzzIT: %d deliveries answered in %d ms, %d refused (400); %d intact messages"
              + " found stored in %d ms; %d entries skipped by the server%n",
          deliveries,
          (answered - started) / 1_000_000,
          refused,
          intact,
          (System.nanoTime() - answered) / 1_000_000,
          skipped);

      assertTrue(
          failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
      // The mutator must leave something to check, and the server must have skipped something.
      assertTrue(intact > deliveries / 2, "only " + intact + " intact messages");
      assertTrue(skipped > 0, "no skipped entries counted on /health/live");
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void unmutatedDeliveryOfSeveralEntriesIsStoredWhole() {
    String customer = MetaWebhooks.newCustomer();
    List<JsonObject> first =
        List.of(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now()));
    List<JsonObject> second =
        List.of(
            MetaWebhooks.listReply(customer, MetaWebhooks.newWamid(), "menu.balance", "B", now()));
    String body =
        MetaWebhooks.delivery(
            List.of(
                List.of(MetaWebhooks.value(FUZZ_NUMBER, first, List.of())),
                List.of(MetaWebhooks.value(FUZZ_NUMBER, second, List.of()))));
    assertEquals(200, meta().deliver(body).statusCode());
    assertEquals(2, admin().inbound(customer).size());
  }

  private static String describe(Case c, String what) {
    String body = c.body().length() > 2000 ? c.body().substring(0, 2000) + "…" : c.body();
    return "delivery #" + c.index() + " " + c.mutations() + ": " + what + "\n  " + body;
  }

  /** The skipped-entries counter on /health/live. */
  private static long skippedEntries() throws Exception {
    URI live = URI.create(System.getProperty("it.health.url").replace("/ready", "/live"));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(live).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
          .filter(c -> c.getString("name").equals("whatsapp-webhook"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no whatsapp-webhook check in " + r.body()))
          .getJsonObject("data")
          .get("skipped_entries")
          .toString()
          .replace("\"", "")
          .transform(Long::parseLong); // a number, or (Payara) a string of one
    }
  }
}
