package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.h2.tools.Server;
import org.ispchat.testing.AdminApi;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.PayaraProcess;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database behave like one: a person's messages, delivered to either node (some to
 * both at once, as a retrying load balancer would), are each answered once and in order. The
 * database is H2 served over TCP on 127.0.0.1 by this test, so the row locks that keep the nodes
 * apart are real cross-process locks.
 */
class PayaraTwoNodesIT {

  private static final int BASE = Integer.getInteger("it.http.port", 18080);
  private static final int FAKE_PORT = Integer.getInteger("it.fake.port", 18090) + 3;
  private static final int DB_PORT = Integer.getInteger("it.fake.port", 18090) + 4;

  @Test
  void twoNodesAnswerEachMessageOnceAndInOrder() throws Exception {
    String dir = System.getProperty("project.build.directory", "target") + "/it-data";
    Server db =
        Server.createTcpServer(
                "-tcpPort", Integer.toString(DB_PORT), "-baseDir", dir, "-ifNotExists")
            .start();
    FakeGraphApi graph = FakeGraphApi.on(FAKE_PORT);
    Map<String, String> settings = new HashMap<>();
    settings.put(
        "ispchat.db.url",
        "jdbc:h2:tcp://127.0.0.1:" + DB_PORT + "/./two-nodes-" + System.currentTimeMillis());
    settings.put("whatsapp.app-secret", MetaWebhooks.APP_SECRET);
    settings.put("whatsapp.access-token", "two-nodes-token");
    settings.put("whatsapp.graph-url", "http://127.0.0.1:" + FAKE_PORT + "/v23.0");
    settings.put(
        "ispchat.admin.password", System.getProperty("it.admin.password", "it-admin-password"));
    try {
      // The first node creates the schema; the second then starts against a migrated database.
      PayaraProcess first = PayaraProcess.start("two-nodes-a", BASE + 4, settings);
      try (first;
          PayaraProcess second = PayaraProcess.start("two-nodes-b", BASE + 5, settings)) {
        List<MetaWebhooks> nodes =
            List.of(new MetaWebhooks(first.base()), new MetaWebhooks(second.base()));
        Map<String, List<String>> sent = new LinkedHashMap<>();
        long t0 = System.currentTimeMillis() / 1000;
        List<CompletableFuture<Integer>> deliveries = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
          sent.put(MetaWebhooks.newCustomer(), new ArrayList<>());
        }
        for (int i = 0; i < 10; i++) {
          int n = 0;
          for (var customer : sent.entrySet()) {
            String wamid = MetaWebhooks.newWamid();
            customer.getValue().add(wamid);
            String json =
                MetaWebhooks.envelope(MetaWebhooks.text(customer.getKey(), wamid, "m" + i, t0 + i));
            MetaWebhooks node = nodes.get((i + n++) % 2);
            assertEquals(200, node.deliver(json).statusCode());
            if (i % 3 == 0) {
              // The same delivery to both nodes at the same moment.
              deliveries.add(
                  CompletableFuture.supplyAsync(() -> nodes.get(0).deliver(json).statusCode()));
              deliveries.add(
                  CompletableFuture.supplyAsync(() -> nodes.get(1).deliver(json).statusCode()));
            }
          }
        }
        for (CompletableFuture<Integer> d : deliveries) {
          assertEquals(200, d.get());
        }

        Poll.until(() -> graph.sends(s -> true).size() >= 40, Duration.ofSeconds(60), "40 replies");
        Poll.holds(
            () -> graph.sends(s -> true).size() == 40, Duration.ofSeconds(3), "no reply twice");
        AdminApi admin = new AdminApi(second.base());
        for (var customer : sent.entrySet()) {
          Map<String, String> answered = new HashMap<>();
          for (JsonObject o : admin.outbound(customer.getKey())) {
            answered.put(o.getString("provider_message_id", ""), o.getString("in_reply_to"));
          }
          List<String> order =
              graph.acceptedTo(customer.getKey()).stream()
                  .map(r -> answered.get(r.wamid()))
                  .toList();
          assertEquals(customer.getValue(), order, "replies to " + customer.getKey() + " in order");
        }
      }
    } finally {
      graph.stop();
      db.stop();
    }
  }
}
