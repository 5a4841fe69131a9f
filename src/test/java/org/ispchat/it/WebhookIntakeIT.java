package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.ispchat.testing.IspCustomers;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.Test;

/** What the webhook refuses, and that a refused delivery leaves nothing behind. */
class WebhookIntakeIT extends ServerTest {

  @Test
  void wrongSignatureIsRefusedAndNothingIsStored() {
    String customer = MetaWebhooks.newCustomer();
    byte[] body =
        MetaWebhooks.envelope(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now()))
            .getBytes(StandardCharsets.UTF_8);

    var response = meta().post(body, MetaWebhooks.sign(body, "not-the-app-secret"));

    assertEquals(401, response.statusCode());
    assertTrue(response.body().contains("\"detail\""), response.body());
    // Stored messages are in the log the moment the webhook answers; this one must not be.
    assertEquals(0, admin().messages(customer).size());
    Poll.holds(() -> graph.sendsTo(customer).isEmpty(), Duration.ofSeconds(2), "no reply is sent");
  }

  @Test
  void missingSignatureIsRefused() {
    String customer = MetaWebhooks.newCustomer();
    byte[] body =
        MetaWebhooks.envelope(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now()))
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(401, meta().post(body, null).statusCode());
    assertEquals(0, admin().messages(customer).size());
  }

  @Test
  void signatureIsCheckedOverTheRawBytesIncludingArabicAndEmoji() {
    String customer = IspCustomers.newMobile();
    IspCustomers.add(splynx, customer, "0");
    var response =
        meta()
            .deliver(
                MetaWebhooks.envelope(
                    MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "مرحبا 👋", now())));
    assertEquals(200, response.statusCode(), response.body());
    Poll.until(() -> !graph.acceptedTo(customer).isEmpty(), Duration.ofSeconds(20), "a reply");
    assertEquals("يرجى الاختيار من الخيارات التالية:", graph.acceptedTo(customer).get(0).text());
  }

  @Test
  void malformedJsonIsBadRequest() {
    byte[] body =
        "{\"object\": \"whatsapp_business_account\", \"entry\": [".getBytes(StandardCharsets.UTF_8);
    var response = meta().post(body, MetaWebhooks.sign(body, MetaWebhooks.APP_SECRET));
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("\"detail\""), response.body());
  }

  @Test
  void bodyOverFourMebibytesIsTooLarge() {
    byte[] body = new byte[4 * 1024 * 1024 + 1];
    Arrays.fill(body, (byte) ' ');
    var response = meta().post(body, MetaWebhooks.sign(body, MetaWebhooks.APP_SECRET));
    assertEquals(413, response.statusCode());
  }

  @Test
  void unknownFieldsAreIgnored() {
    String customer = MetaWebhooks.newCustomer();
    String json =
        MetaWebhooks.envelope(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hi", now()))
            .replace(
                "\"messaging_product\"",
                "\"some_future_field\":{\"x\":[1,2]},\"messaging_product\"");
    assertEquals(200, meta().deliver(json).statusCode());
    Poll.until(() -> !graph.acceptedTo(customer).isEmpty(), Duration.ofSeconds(20), "a reply");
  }

  @Test
  void otherWebhookFieldsAreAcknowledgedWithoutReply() {
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
            + "\"phone_number_quality_update\",\"value\":{\"event\":\"THROUGHPUT_UPGRADE\"}}]}]}";
    assertEquals(200, meta().deliver(json).statusCode());
  }
}
