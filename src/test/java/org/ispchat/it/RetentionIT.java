package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.Test;

/**
 * Retention with the default periods: message texts are forgotten after 90 days, the messages
 * themselves deleted after 400, and a reply still waiting to be sent is never touched. The passes
 * run as of a later instant (see {@link org.ispchat.testing.RetentionPassServlet}); they also purge
 * what earlier test classes left, which have finished by then.
 */
class RetentionIT extends ServerTest {

  @Test
  void answeredMessagesLoseTheirWordsAfterNinetyDaysAndTheirRowsAfterFourHundred() {
    String customer = MetaWebhooks.newCustomer();
    deliver(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "voucher 1234567890", now()));
    awaitOutbound(customer, "sent");

    pass(Duration.ofDays(89));
    assertTrue(admin().messages(customer).stream().noneMatch(RetentionIT::forgotten));

    pass(Duration.ofDays(91));
    List<JsonObject> log = admin().messages(customer);
    assertEquals(2, log.size(), log.toString());
    assertTrue(log.stream().allMatch(RetentionIT::forgotten), log.toString());

    pass(Duration.ofDays(401));
    assertEquals(List.of(), admin().messages(customer));

    // Their chat went too; writing again opens a new one and is answered as before.
    deliver(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hello again", now()));
    Poll.until(
        () -> graph.acceptedTo(customer).size() == 2, Duration.ofSeconds(20), "a second reply");
  }

  @Test
  void aReplyWaitingForARetryIsKept() {
    String customer = MetaWebhooks.newCustomer();
    // Eight failures: the retries (0.2 s doubling, with jitter) keep the reply waiting for a while.
    FakeGraphApi.Answer[] failures = new FakeGraphApi.Answer[8];
    java.util.Arrays.fill(failures, FakeGraphApi.serverError());
    graph.script(customer, failures);
    deliver(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now()));
    Poll.until(() -> graph.sendsTo(customer).size() >= 2, Duration.ofSeconds(20), "a first retry");

    pass(Duration.ofDays(401));

    List<JsonObject> out = admin().outbound(customer);
    assertEquals(1, out.size(), "the waiting reply is kept");
    assertTrue(List.of("queued", "sending").contains(out.get(0).getString("status")));
    assertFalse(forgotten(out.get(0)));
    assertEquals(List.of(), admin().inbound(customer), "the answered message went");
  }

  @Test
  void aReplyBeingSentIsKeptAndItsSendCompletes() {
    String customer = MetaWebhooks.newCustomer();
    graph.delay(customer, Duration.ofSeconds(4));
    deliver(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now()));
    awaitOutbound(customer, "sending");

    pass(Duration.ofDays(401));

    JsonObject sent = awaitOutbound(customer, "sent");
    assertFalse(forgotten(sent));
  }

  private static boolean forgotten(JsonObject entry) {
    return entry.getBoolean("text_forgotten");
  }

  @Test
  void aBillingNoticeIsKeptWithTheMessagesAndThenGoes() {
    org.ispchat.testing.NotifyApi api = new org.ispchat.testing.NotifyApi(base());
    String key = api.createKey("retention", List.of("send_message"), null);
    String phone = org.ispchat.testing.IspCustomers.newMobile();
    var accepted =
        api.send("default", key, org.ispchat.testing.NotifyApi.notice(phone, "INV-R1", "invoice"));
    assertEquals(200, accepted.statusCode(), accepted.body());
    String id = org.ispchat.testing.NotifyApi.json(accepted.body()).getString("message_id");
    Poll.until(() -> !graph.sendsTo(phone).isEmpty(), Duration.ofSeconds(20), "the notice");

    pass(Duration.ofDays(399));
    assertEquals(200, api.status(id, key).statusCode(), "kept with the messages");
    pass(Duration.ofDays(401));
    assertEquals(404, api.status(id, key).statusCode(), "gone with them");
  }

  /** Runs one retention pass on the server as if this much time had passed. */
  private void pass(Duration later) {
    URI uri = base().resolve("it/retention?as-of=" + Instant.now().plus(later));
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
