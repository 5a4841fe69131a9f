package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ispchat.testing.AdminApi;
import org.ispchat.testing.Conversation;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.PayaraProcess;
import org.ispchat.testing.Poll;
import org.ispchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost when the JVM dies. A first node stores webhooks but answers none (an
 * intake-only node: {@code ispchat.inbound.workers=0}) and is killed with SIGKILL right after the
 * last 200; a second node on the same database must answer every stored message, once, in each
 * person's order.
 *
 * <p>Runs its own Payara Micro processes (Arquillian cannot kill -9), with its own ports and a
 * fresh database of the run's kind (H2 file, PostgreSQL schema, MariaDB database).
 */
class PayaraRestartIT {

  private static final int PORT = Integer.getInteger("it.http.port", 18080) + 2;
  private static final int FAKE_PORT = Integer.getInteger("it.fake.port", 18090) + 2;

  /**
   * This node has no {@code splynx.url}, as after the README's run command: the sandbox's demo
   * customer is recognised by the number the README gives and served end to end.
   */
  private static void sandboxAnswersTheReadmesDemoCustomer(PayaraProcess node, FakeGraphApi graph) {
    Conversation ahmed = new Conversation(node.base(), graph, "218912345678");
    assertEquals("Your current balance is: 47.50 LYD", ahmed.say("3").text());
    assertEquals(
        "Recharge successful. New balance: 57.50 LYD.", ahmed.say("Recharge 1234567890").text());
    assertEquals(
        "This voucher does not exist or has already been used.",
        ahmed.say("recharge 1111222233").text());
  }

  @Test
  void messagesStoredBeforeAKillAreAnsweredAfterTheRestart() throws Exception {
    FakeGraphApi graph = FakeGraphApi.on(FAKE_PORT);
    TestDatabase db = TestDatabase.forOneNode("restart");
    Map<String, String> settings = PayaraProcess.settings(db, FAKE_PORT);

    Map<String, List<String>> sentByCustomer = new LinkedHashMap<>();
    try {
      Map<String, String> intakeOnly = new HashMap<>(settings);
      intakeOnly.put("ispchat.inbound.workers", "0");
      PayaraProcess first = PayaraProcess.start("restart-first", PORT, intakeOnly);
      try {
        MetaWebhooks meta = new MetaWebhooks(first.base());
        long t0 = System.currentTimeMillis() / 1000;
        for (int c = 0; c < 5; c++) {
          String customer = MetaWebhooks.newCustomer();
          List<String> wamids = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            String wamid = MetaWebhooks.newWamid();
            wamids.add(wamid);
            var r =
                meta.deliver(
                    MetaWebhooks.envelope(MetaWebhooks.text(customer, wamid, "m" + i, t0 + i)));
            assertEquals(200, r.statusCode(), r.body());
          }
          sentByCustomer.put(customer, wamids);
        }
      } finally {
        first.kill();
      }
      assertEquals(0, graph.sends(s -> true).size(), "the intake-only node answered nothing");

      try (PayaraProcess second = PayaraProcess.start("restart-second", PORT, settings)) {
        Poll.until(
            () -> graph.sends(s -> true).size() >= 20,
            Duration.ofSeconds(60),
            "20 replies after the restart");
        Poll.holds(
            () -> graph.sends(s -> true).size() == 20, Duration.ofSeconds(2), "no reply twice");
        AdminApi admin = new AdminApi(second.base());
        for (var entry : sentByCustomer.entrySet()) {
          String customer = entry.getKey();
          List<FakeGraphApi.Send> replies = graph.acceptedTo(customer);
          assertEquals(4, replies.size());
          Map<String, String> answered = new HashMap<>();
          for (JsonObject o : admin.outbound(customer)) {
            if (o.containsKey("provider_message_id")) {
              answered.put(o.getString("provider_message_id"), o.getString("in_reply_to"));
            }
          }
          assertEquals(
              entry.getValue(), replies.stream().map(r -> answered.get(r.wamid())).toList());
        }
        sandboxAnswersTheReadmesDemoCustomer(second, graph);
      }
    } finally {
      graph.stop();
      db.close();
    }
  }
}
