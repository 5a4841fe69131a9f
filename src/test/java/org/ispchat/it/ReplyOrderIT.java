package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.Test;

/** Duplicates are answered once; one person's messages are answered in the order they were sent. */
class ReplyOrderIT extends ServerTest {

  @Test
  void sameWebhookDeliveredFiveTimesConcurrentlyIsAnsweredOnce() throws Exception {
    String customer = MetaWebhooks.newCustomer();
    String json =
        MetaWebhooks.envelope(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hello", now()));
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(
          pool.submit(
              () -> {
                start.await();
                return meta().deliver(json).statusCode();
              }));
    }
    start.countDown();
    for (Future<Integer> status : statuses) {
      assertEquals(200, status.get(), "every delivery is acknowledged");
    }
    pool.shutdown();

    Poll.until(() -> graph.acceptedTo(customer).size() == 1, Duration.ofSeconds(20), "the reply");
    Poll.holds(() -> graph.sendsTo(customer).size() == 1, Duration.ofSeconds(2), "no second reply");
    assertEquals(1, admin().inbound(customer).size());
  }

  @Test
  void burstOfTwentyIsAnsweredInOrderOneSendAtATime() {
    String customer = MetaWebhooks.newCustomer();
    // Each answer takes a while: a second send to the same person before the first is answered
    // would show up as overlapping requests at the fake.
    graph.delay(customer, Duration.ofMillis(40));
    long t0 = now();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String wamid = MetaWebhooks.newWamid();
      sent.add(wamid);
      var r =
          meta()
              .deliver(
                  MetaWebhooks.envelope(
                      MetaWebhooks.text(customer, wamid, "message " + i, t0 + i)));
      assertEquals(200, r.statusCode(), r.body());
    }

    List<FakeGraphApi.Send> replies =
        Poll.until(
            () -> graph.acceptedTo(customer),
            s -> s.size() == 20,
            Duration.ofSeconds(60),
            "20 replies");
    assertEquals(sent, answeredInOrder(customer, replies));
    for (int i = 1; i < replies.size(); i++) {
      assertTrue(
          replies.get(i).receivedNanos() >= replies.get(i - 1).answeredNanos(),
          "reply " + i + " was sent before reply " + (i - 1) + " was acknowledged");
    }
  }

  @Test
  void messagesDeliveredTogetherOutOfOrderAreAnsweredInTimestampOrder() {
    String customer = MetaWebhooks.newCustomer();
    long t0 = now();
    List<String> wamids = new ArrayList<>();
    List<JsonObject> messages = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String wamid = MetaWebhooks.newWamid();
      wamids.add(wamid);
      messages.add(MetaWebhooks.text(customer, wamid, "m" + i, t0 + i));
    }
    List<JsonObject> shuffled = new ArrayList<>(messages);
    Collections.shuffle(shuffled);
    assertEquals(200, meta().deliver(MetaWebhooks.envelope(shuffled, List.of())).statusCode());

    List<FakeGraphApi.Send> replies =
        Poll.until(
            () -> graph.acceptedTo(customer),
            s -> s.size() == 10,
            Duration.ofSeconds(30),
            "10 replies");
    assertEquals(wamids, answeredInOrder(customer, replies));
  }

  /** The customer message each reply answered, in the order the replies reached the Graph API. */
  private List<String> answeredInOrder(String customer, List<FakeGraphApi.Send> replies) {
    Map<String, JsonObject> byWamid =
        Poll.until(
                () -> admin().outbound(customer),
                out ->
                    out.stream().filter(o -> o.containsKey("provider_message_id")).count()
                        >= replies.size(),
                Duration.ofSeconds(20),
                "the log to show every wamid")
            .stream()
            .filter(o -> o.containsKey("provider_message_id"))
            .collect(
                Collectors.toMap(o -> o.getString("provider_message_id"), Function.identity()));
    return replies.stream().map(r -> byWamid.get(r.wamid()).getString("in_reply_to")).toList();
  }
}
