package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ispchat.testing.AdminApi;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.IspCustomers;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.NotifyApi;
import org.ispchat.testing.PayaraProcess;
import org.ispchat.testing.Poll;
import org.ispchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database behave like one, as an operator scaling out would see it: both started
 * at the same moment on a fresh database (each must come up: one creates the schema and the first
 * admin, the other finds them), then many new senders each write "hi", "3", "0" in order, every
 * webhook to a random node and a third of them to both nodes at once (a retrying load balancer).
 * Each message is answered once and in each person's order, and neither node logs the expected
 * races (the same delivery stored by both, a chat opened by both) as errors or fails a turn.
 *
 * <p>Runs on the run's database: H2 served over TCP by this test, or a fresh PostgreSQL schema or
 * MariaDB database.
 */
class PayaraTwoNodesIT {

  private static final int BASE = Integer.getInteger("it.http.port", 18080);
  private static final int FAKE_PORT = Integer.getInteger("it.fake.port", 18090) + 3;
  private static final int DB_PORT = Integer.getInteger("it.fake.port", 18090) + 4;
  private static final int SENDERS = Integer.getInteger("it.two-nodes.senders", 200);
  private static final List<String> WORDS = List.of("hi", "3", "0");

  @Test
  void twoNodesStartedTogetherAnswerEachMessageOnceAndInOrder() throws Exception {
    FakeGraphApi graph = FakeGraphApi.on(FAKE_PORT);
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try (TestDatabase db = TestDatabase.forSeveralNodes("two-nodes", DB_PORT)) {
      Map<String, String> settings = PayaraProcess.settings(db, FAKE_PORT);
      var startA =
          CompletableFuture.supplyAsync(() -> start("two-nodes-a", BASE + 4, settings), clients);
      var startB =
          CompletableFuture.supplyAsync(() -> start("two-nodes-b", BASE + 5, settings), clients);
      // Both joined before either can fail the test, so that a node that did start is always
      // stopped again (never left running behind a failed test).
      CompletableFuture.allOf(startA, startB).exceptionally(e -> null).join();
      if (startA.isCompletedExceptionally() || startB.isCompletedExceptionally()) {
        for (var started : List.of(startA, startB)) {
          if (!started.isCompletedExceptionally()) {
            started.join().close();
          }
        }
      }
      try (PayaraProcess a = startA.join();
          PayaraProcess b = startB.join()) {
        List<MetaWebhooks> nodes = List.of(new MetaWebhooks(a.base()), new MetaWebhooks(b.base()));
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (int c = 0; c < SENDERS; c++) {
          sent.put(MetaWebhooks.newCustomer(), new ArrayList<>());
        }
        Random random = new Random(Long.getLong("it.two-nodes.seed", 20261129L));
        long t0 = System.currentTimeMillis() / 1000;
        int doubled = 0;
        for (int i = 0; i < WORDS.size(); i++) {
          // One round: every sender's next word, the senders in parallel, each word waits for its
          // acknowledgement before the sender's next (as a person's phone does).
          List<CompletableFuture<Integer>> round = new ArrayList<>();
          for (var sender : sent.entrySet()) {
            String wamid = MetaWebhooks.newWamid();
            sender.getValue().add(wamid);
            String json =
                MetaWebhooks.envelope(
                    MetaWebhooks.text(sender.getKey(), wamid, WORDS.get(i), t0 + i));
            if (random.nextInt(3) == 0) {
              doubled++;
              round.add(CompletableFuture.supplyAsync(() -> deliver(nodes.get(0), json), clients));
              round.add(CompletableFuture.supplyAsync(() -> deliver(nodes.get(1), json), clients));
            } else {
              MetaWebhooks node = nodes.get(random.nextInt(2));
              round.add(CompletableFuture.supplyAsync(() -> deliver(node, json), clients));
            }
          }
          for (CompletableFuture<Integer> d : round) {
            assertEquals(200, d.join());
          }
        }

        int expected = SENDERS * WORDS.size();
        Poll.until(
            () -> graph.sends(s -> true).size() >= expected,
            Duration.ofSeconds(120),
            expected + " replies");
        Poll.holds(
            () -> graph.sends(s -> true).size() == expected,
            Duration.ofSeconds(3),
            "no reply twice");
        AdminApi admin = new AdminApi(b.base());
        for (var sender : sent.entrySet()) {
          Map<String, String> answered = new HashMap<>();
          for (JsonObject o : admin.outbound(sender.getKey())) {
            answered.put(o.getString("provider_message_id", ""), o.getString("in_reply_to"));
          }
          List<String> order =
              graph.acceptedTo(sender.getKey()).stream().map(r -> answered.get(r.wamid())).toList();
          assertEquals(sender.getValue(), order, "replies to " + sender.getKey() + " in order");
        }
        tenIdenticalNoticesOnTwoNodesMakeOneMessage(a, b, graph, clients);
        for (String node : List.of("two-nodes-a", "two-nodes-b")) {
          String log = Files.readString(logOf(node));
          for (String symptom :
              List.of(
                  "Answering a message in chat",
                  "violates unique constraint",
                  "Unique index or primary key violation",
                  "Duplicate entry",
                  "SQLState: 23")) {
            assertTrue(!log.contains(symptom), node + " logged '" + symptom + "'");
          }
        }
        System.out.printf(
            "two nodes on %s: %d senders, %d texts, %d delivered to both nodes, each answered"
                + " once and in order%n",
            db.vendor(), SENDERS, expected, doubled);
      }
    } finally {
      clients.shutdownNow();
      graph.stop();
    }
  }

  /**
   * A billing system retrying one notice through a load balancer: ten identical requests at once,
   * five to each node. Each answers the same message id, and the customer gets one message.
   */
  private static void tenIdenticalNoticesOnTwoNodesMakeOneMessage(
      PayaraProcess a, PayaraProcess b, FakeGraphApi graph, ExecutorService clients) {
    NotifyApi nodeA = new NotifyApi(a.base());
    NotifyApi nodeB = new NotifyApi(b.base());
    String key = nodeA.createKey("two nodes", List.of("send_message"), null);
    String phone = IspCustomers.newMobile();
    String body = NotifyApi.notice(phone, "INV-TWO-NODES", "payment_reminder");
    List<CompletableFuture<java.net.http.HttpResponse<String>>> race = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      NotifyApi node = i % 2 == 0 ? nodeA : nodeB;
      race.add(CompletableFuture.supplyAsync(() -> node.send("default", key, body), clients));
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (var r : race) {
      var response = r.join();
      assertEquals(200, response.statusCode(), response.body());
      ids.add(NotifyApi.json(response.body()).getString("message_id"));
    }
    assertEquals(1, ids.size(), "one message id for the ten requests: " + ids);
    Poll.until(() -> !graph.sendsTo(phone).isEmpty(), Duration.ofSeconds(30), "the notice");
    Poll.holds(() -> graph.sendsTo(phone).size() == 1, Duration.ofSeconds(3), "sent once");
  }

  private static PayaraProcess start(String name, int port, Map<String, String> settings) {
    try {
      Files.deleteIfExists(logOf(name));
      return PayaraProcess.start(name, port, settings);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int deliver(MetaWebhooks node, String json) {
    return node.deliver(json).statusCode();
  }

  private static Path logOf(String node) {
    return Path.of(System.getProperty("project.build.directory", "target"), node + ".log");
  }
}
