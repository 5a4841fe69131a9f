package org.ispchat.chat.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.ispchat.chat.SendResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphErrorsTest {

  private static String error(int code) {
    return "{\"error\":{\"message\":\"m\",\"type\":\"OAuthException\",\"code\":"
        + code
        + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"d\"},\"fbtrace_id\":\"AbC\"}}";
  }

  @Test
  void successCarriesTheWamid() {
    SendResult r =
        GraphErrors.classify(
            200,
            "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"1\",\"wa_id\":\"1\"}],"
                + "\"messages\":[{\"id\":\"wamid.HBgL\"}]}");
    assertEquals(new SendResult.Accepted("wamid.HBgL"), r);
  }

  @ParameterizedTest
  @ValueSource(ints = {130429, 131056, 131057, 131000, 131016, 80007, 1, 2})
  void passingConditionsAreRetried(int code) {
    SendResult r = GraphErrors.classify(400, error(code));
    assertInstanceOf(SendResult.RetryLater.class, r);
    assertEquals(String.valueOf(code), ((SendResult.RetryLater) r).code());
  }

  @ParameterizedTest
  @ValueSource(ints = {131047, 131026, 100, 190, 0, 10, 200, 131048, 131050, 132001, 368})
  void permanentRefusalsAreNotRetried(int code) {
    assertInstanceOf(SendResult.Rejected.class, GraphErrors.classify(400, error(code)));
  }

  @Test
  void pairRateLimitWaitsAtLeastSixSeconds() {
    var r = (SendResult.RetryLater) GraphErrors.classify(400, error(131056));
    assertEquals(Duration.ofSeconds(6), r.notBefore());
  }

  @Test
  void detailKeepsMessageDetailsAndTraceId() {
    var r = (SendResult.Rejected) GraphErrors.classify(400, error(100));
    assertTrue(
        r.detail().contains("m") && r.detail().contains("d") && r.detail().contains("AbC"),
        r.detail());
  }

  @Test
  void unknownCodesFollowTheHttpStatus() {
    assertInstanceOf(SendResult.RetryLater.class, GraphErrors.classify(503, error(999999)));
    assertInstanceOf(SendResult.Rejected.class, GraphErrors.classify(400, error(999999)));
    assertInstanceOf(
        SendResult.RetryLater.class,
        GraphErrors.classify(
            400, error(999999).replace("\"code\"", "\"is_transient\":true,\"code\"")));
  }

  @Test
  void bodilessFailuresFollowTheHttpStatus() {
    assertInstanceOf(SendResult.RetryLater.class, GraphErrors.classify(500, ""));
    assertInstanceOf(SendResult.RetryLater.class, GraphErrors.classify(429, "<html>"));
    assertInstanceOf(SendResult.Rejected.class, GraphErrors.classify(404, "not json"));
    assertInstanceOf(SendResult.RetryLater.class, GraphErrors.classify(200, "{}"));
  }
}
