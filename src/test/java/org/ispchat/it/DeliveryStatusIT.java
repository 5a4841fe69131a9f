package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.Test;

/** Status webhooks move a reply forward (sent, delivered, read, failed) and never back. */
class DeliveryStatusIT extends ServerTest {

  @Test
  void statusesMoveTheReplyForwardAndNeverBack() {
    String customer = MetaWebhooks.newCustomer();
    String wamid = replyTo(customer);

    deliverStatus(MetaWebhooks.status(wamid, "delivered", now(), customer));
    awaitOutbound(customer, "delivered");

    deliverStatus(MetaWebhooks.status(wamid, "read", now(), customer));
    awaitOutbound(customer, "read");

    // Late and out-of-order reports: an earlier "sent", and a failure after the read.
    deliverStatus(MetaWebhooks.status(wamid, "sent", now() - 60, customer));
    deliverStatus(
        MetaWebhooks.failedStatus(wamid, now(), customer, 131026, "Message undeliverable"));
    Poll.holds(() -> status(customer).equals("read"), Duration.ofSeconds(2), "status stays read");
  }

  @Test
  void readArrivingBeforeDeliveredEndsAsRead() {
    String customer = MetaWebhooks.newCustomer();
    String wamid = replyTo(customer);
    long t = now();
    String both =
        MetaWebhooks.envelope(
            List.of(),
            List.of(
                MetaWebhooks.status(wamid, "read", t + 2, customer),
                MetaWebhooks.status(wamid, "delivered", t + 1, customer)));
    assertEquals(200, meta().deliver(both).statusCode());
    awaitOutbound(customer, "read");
    Poll.holds(() -> status(customer).equals("read"), Duration.ofSeconds(1), "status stays read");
  }

  @Test
  void failedStatusRecordsMetasError() {
    String customer = MetaWebhooks.newCustomer();
    String wamid = replyTo(customer);
    deliverStatus(
        MetaWebhooks.failedStatus(wamid, now(), customer, 131047, "Re-engagement message"));
    JsonObject out = awaitOutbound(customer, "failed");
    assertEquals("131047", out.getString("error_code"));
  }

  private String replyTo(String customer) {
    meta()
        .deliver(
            MetaWebhooks.envelope(
                MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now())));
    awaitOutbound(customer, "sent");
    return graph.acceptedTo(customer).get(0).wamid();
  }

  private void deliverStatus(JsonObject status) {
    assertEquals(
        200, meta().deliver(MetaWebhooks.envelope(List.of(), List.of(status))).statusCode());
  }

  private String status(String customer) {
    return admin().outbound(customer).get(0).getString("status");
  }
}
