package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ispchat.testing.AdminApi;
import org.ispchat.testing.CustomerTexts;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.HttpStatus;
import org.ispchat.testing.IspCustomers;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.NotifyApi;
import org.ispchat.testing.PayaraProcess;
import org.ispchat.testing.Poll;
import org.ispchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A node is killed with SIGKILL while it is answering (the Graph API answers slowly, so sends are
 * in flight and turns are waiting), then started again with the very same command, as an operator
 * would: Payara Micro with {@code --rootdir}, which at boot first redeploys the application it
 * remembers and then deploys the {@code --deploy} WAR over it while the first copy is already busy.
 * The node must serve again (no 404), be ready, and answer every acknowledged message exactly once,
 * in each person's order, also when Meta re-delivers every webhook. Billing notices acknowledged
 * before the kill are all sent, once, and a billing system's retries of them after the restart get
 * their first message ids back.
 *
 * <p>The one thing no system can know after a kill is whether a request that was on the wire to
 * Meta at that instant was taken: ispchat sends it again once its lease runs out (at least once;
 * docs/operations.md). Such sends are recognised exactly here: the fake took them, but ispchat
 * never recorded their id, and the fake took them before the node was started again. There can be
 * at most as many as the node had senders; every other reply is sent once.
 */
class PayaraKillRestartIT {

  private static final int PORT = Integer.getInteger("it.http.port", 18080) + 6;
  private static final int FAKE_PORT = Integer.getInteger("it.fake.port", 18090) + 5;
  private static final int CUSTOMERS = Integer.getInteger("it.restart.customers", 40);
  private static final int PER_CUSTOMER = 5;
  private static final int SENDERS = 8;
  private static final int NOTICES = 30;

  /** Billing notices acknowledged before the kill: phone to message id, in the order sent. */
  private final Map<String, String> notices = new java.util.LinkedHashMap<>();

  private String noticeKey;

  @Test
  void aNodeKilledWhileAnsweringRestartsOnItsRootDirAndAnswersEveryMessageOnce() throws Exception {
    FakeGraphApi graph = FakeGraphApi.on(FAKE_PORT);
    try (TestDatabase db = TestDatabase.forOneNode("kill-restart")) {
      Map<String, String> settings = PayaraProcess.settings(db, FAKE_PORT);
      settings.put("ispchat.outbox.senders", Integer.toString(SENDERS));
      // A short lease, so a send that was on the wire at the kill is retried within the test.
      settings.put("ispchat.outbox.lease", "PT5S");
      Path rootDir =
          Path.of(
              System.getProperty("project.build.directory", "target"),
              "it-data",
              "rootdir-" + System.currentTimeMillis());
      List<String> options = List.of("--rootdir", rootDir.toString());

      CustomerTexts texts = CustomerTexts.of(CUSTOMERS, PER_CUSTOMER);
      Map<String, List<String>> sent = texts.sent();
      List<String> deliveries = texts.deliveries();
      sent.keySet().forEach(customer -> graph.delay(customer, Duration.ofMillis(250)));
      int total = deliveries.size();

      PayaraProcess first = PayaraProcess.start("kill-restart", PORT, settings, options);
      try {
        MetaWebhooks meta = new MetaWebhooks(first.base());
        // Every customer's messages one after the other, the customers in parallel: all are
        // acknowledged within a moment, so most are still waiting when the node dies.
        var customers = Executors.newFixedThreadPool(8);
        try {
          List<Future<?>> acks = new ArrayList<>();
          for (int c = 0; c < CUSTOMERS; c++) {
            int first0 = c;
            acks.add(
                customers.submit(
                    () -> {
                      for (int i = first0; i < total; i += CUSTOMERS) {
                        var r = meta.deliver(deliveries.get(i));
                        assertEquals(200, r.statusCode(), r.body());
                      }
                    }));
          }
          for (Future<?> ack : acks) {
            ack.get();
          }
        } finally {
          customers.shutdownNow();
        }
        // A billing run at the same time: every notice acknowledged (200 and its message id)
        // before the kill, most of them still queued behind the slow Graph API.
        NotifyApi billing = new NotifyApi(first.base());
        noticeKey = billing.createKey("billing run", List.of("send_message"), null);
        for (int n = 0; n < NOTICES; n++) {
          String phone = IspCustomers.newMobile();
          graph.delay(phone, Duration.ofMillis(250));
          var r =
              billing.send("default", noticeKey, NotifyApi.notice(phone, "INV-K" + n, "invoice"));
          assertEquals(200, r.statusCode(), r.body());
          notices.put(phone, NotifyApi.json(r.body()).getString("message_id"));
        }
        Poll.until(() -> graph.sends(s -> true).size() >= 10, Duration.ofSeconds(60), "sends");
      } finally {
        first.kill();
      }
      int sentBeforeKill = graph.sends(s -> true).size();
      assertTrue(sentBeforeKill < total, "work was still waiting at the kill: " + sentBeforeKill);

      long restartAt = System.nanoTime();
      try (PayaraProcess second = PayaraProcess.start("kill-restart", PORT, settings, options)) {
        MetaWebhooks meta = new MetaWebhooks(second.base());
        // The remembered copy is replaced by the --deploy one during boot; wait until the webhook
        // answers Meta's handshake, as it must from then on.
        Poll.until(
            () -> handshake(second.base()) == 200, Duration.ofSeconds(90), "webhook handshake");
        long firstAnswer =
            Poll.until(
                    () -> graph.sends(s -> s.receivedNanos() > restartAt),
                    s -> !s.isEmpty(),
                    Duration.ofSeconds(60),
                    "a first answer after the restart")
                .stream()
                .mapToLong(FakeGraphApi.Send::receivedNanos)
                .min()
                .orElseThrow();
        // Meta re-delivers everything it may not have seen acknowledged.
        int refused = 0;
        for (String json : deliveries) {
          int status = meta.deliver(json).statusCode();
          while (status != 200) {
            refused++;
            Thread.sleep(200);
            status = meta.deliver(json).statusCode();
          }
        }
        // The billing system retries every notice (its timeouts could not tell what was taken):
        // each answers the message id it was first given.
        NotifyApi billing = new NotifyApi(second.base());
        for (var notice : notices.entrySet()) {
          int n = List.copyOf(notices.keySet()).indexOf(notice.getKey());
          var r =
              billing.send(
                  "default", noticeKey, NotifyApi.notice(notice.getKey(), "INV-K" + n, "invoice"));
          assertEquals(200, r.statusCode(), r.body());
          assertEquals(notice.getValue(), NotifyApi.json(r.body()).getString("message_id"));
        }
        AdminApi admin = new AdminApi(second.base());
        Poll.until(
            () -> notices.keySet().stream().allMatch(p -> recorded(admin, p).size() == 1),
            Duration.ofSeconds(120),
            "every acknowledged notice sent and recorded");
        Poll.until(
            () -> sent.keySet().stream().allMatch(c -> recorded(admin, c).size() == PER_CUSTOMER),
            Duration.ofSeconds(120),
            "every message answered and its reply recorded");
        long answeredAt = System.nanoTime();
        // Longer than the lease: a claim that was still open would have been sent again by now.
        int settled = graph.sends(s -> true).size();
        Poll.holds(
            () -> graph.sends(s -> true).size() == settled,
            Duration.ofSeconds(7),
            "no further sends");

        int inDoubt = 0;
        for (var customer : sent.entrySet()) {
          List<JsonObject> replies = recorded(admin, customer.getKey());
          Map<String, String> repliedTo = new HashMap<>();
          for (JsonObject o : replies) {
            assertEquals(
                null,
                repliedTo.put(o.getString("provider_message_id"), o.getString("in_reply_to")),
                "one reply per send");
          }
          assertEquals(
              Set.copyOf(customer.getValue()),
              Set.copyOf(repliedTo.values()),
              "each message of " + customer.getKey() + " has exactly one reply");
          List<FakeGraphApi.Send> taken = graph.acceptedTo(customer.getKey());
          Set<String> seen = new HashSet<>();
          for (FakeGraphApi.Send s : taken) {
            if (!repliedTo.containsKey(s.wamid())) {
              inDoubt++;
              // Received before the restart began: no other ispchat process existed by then, so it
              // came from the killed node (a request may reach the fake's handler a moment after
              // the kill that ended its sender).
              assertTrue(
                  s.receivedNanos() < restartAt,
                  "a send ispchat did not record came from the killed node");
            } else {
              assertTrue(seen.add(s.wamid()));
            }
          }
          assertEquals(
              customer.getValue(),
              taken.stream()
                  .filter(s -> repliedTo.containsKey(s.wamid()))
                  .map(s -> repliedTo.get(s.wamid()))
                  .toList(),
              "replies to " + customer.getKey() + " in order");
        }
        for (String phone : notices.keySet()) {
          String recordedId = recorded(admin, phone).get(0).getString("provider_message_id");
          for (FakeGraphApi.Send s : graph.acceptedTo(phone)) {
            if (!s.wamid().equals(recordedId)) {
              inDoubt++;
              assertTrue(
                  s.receivedNanos() < restartAt, "an unrecorded notice came from the killed node");
            }
          }
        }
        assertTrue(inDoubt <= SENDERS, inDoubt + " sends in doubt, at most one per sender");
        assertEquals(
            200, HttpStatus.of(second.base().resolve("health/ready")), "ready after the restart");
        System.out.printf(
            "kill -9 restart: %d messages, %d sent before the kill, first answer %.1f s after the"
                + " restart command, all answered %.1f s after it, %d re-deliveries refused"
                + " during the boot-time redeploy, %d sends in doubt at the kill%n",
            total,
            sentBeforeKill,
            (firstAnswer - restartAt) / 1e9,
            (answeredAt - restartAt) / 1e9,
            refused,
            inDoubt);
      }
    } finally {
      graph.stop();
    }
  }

  /** The replies ispchat recorded as sent to this person (with Meta's id). */
  private static List<JsonObject> recorded(AdminApi admin, String customer) {
    return admin.outbound(customer).stream()
        .filter(o -> o.containsKey("provider_message_id"))
        .toList();
  }

  private static int handshake(URI base) {
    return HttpStatus.of(
        base.resolve(
            "webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
                + MetaWebhooks.VERIFY_TOKEN
                + "&hub.challenge=42"));
  }
}
