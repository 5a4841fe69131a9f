package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.Test;

/** How the outbox reacts to the Graph API's failures, with Meta's real error shapes. */
class OutboxRetryIT extends ServerTest {

  @Test
  void serverErrorsAreRetriedUntilTheReplyIsDelivered() {
    String customer = MetaWebhooks.newCustomer();
    graph.script(customer, FakeGraphApi.serverError(), FakeGraphApi.serverError());

    deliver(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now()));

    Poll.until(
        () -> graph.acceptedTo(customer).size() == 1,
        Duration.ofSeconds(30),
        "the third try to succeed");
    assertEquals(3, graph.sendsTo(customer).size());
    JsonObject out = awaitOutbound(customer, "sent");
    assertEquals(3, out.getInt("attempts"));
    assertEquals(graph.acceptedTo(customer).get(0).wamid(), out.getString("provider_message_id"));
  }

  @Test
  void throughputLimitIsRetried() {
    String customer = MetaWebhooks.newCustomer();
    graph.script(
        customer,
        FakeGraphApi.metaError(
            400, 130429, "Rate limit hit", "Cloud API message throughput has been reached."));

    deliver(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now()));

    Poll.until(
        () -> graph.acceptedTo(customer).size() == 1,
        Duration.ofSeconds(30),
        "the retry to succeed");
    assertEquals(2, graph.sendsTo(customer).size());
  }

  @Test
  void closedCustomerServiceWindowFailsWithoutRetry() {
    assertFailsAtOnce(
        FakeGraphApi.metaError(
            400,
            131047,
            "Re-engagement message",
            "Message failed to send because more than 24 hours have passed since the customer last"
                + " replied to this number."),
        "131047");
  }

  @Test
  void invalidParameterFailsWithoutRetry() {
    assertFailsAtOnce(
        FakeGraphApi.metaError(400, 100, "Invalid parameter", "Parameter value is not valid"),
        "100");
  }

  @Test
  void expiredAccessTokenFailsWithoutRetry() {
    assertFailsAtOnce(
        FakeGraphApi.metaError(401, 190, "Error validating access token", "Session has expired"),
        "190");
  }

  private void assertFailsAtOnce(FakeGraphApi.Answer answer, String code) {
    String customer = MetaWebhooks.newCustomer();
    graph.script(customer, answer);
    deliver(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now()));
    assertEquals(code, awaitOutbound(customer, "failed").getString("error_code"));
    // Retries here come after 0.2 s; two seconds of silence means none is coming.
    Poll.holds(() -> graph.sendsTo(customer).size() == 1, Duration.ofSeconds(2), "no retry");
  }
}
