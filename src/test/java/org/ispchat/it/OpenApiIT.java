package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /openapi} describes the billing API, from MicroProfile OpenAPI on either server. */
class OpenApiIT extends ServerTest {

  @Test
  void theServerPublishesTheBillingContract() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base().resolve("/openapi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    for (String expected :
        new String[] {
          "/api/v1/billing/send-notification",
          "/api/v1/messages/{message_id}",
          "/api/v1/admin/api-keys",
          "/api/v1/admin/instances",
          "payment_reminder",
          "skipped_opted_out"
        }) {
      assertTrue(r.body().contains(expected), "/openapi names " + expected);
    }
  }
}
