package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.ispchat.testing.FakeEvolution;
import org.ispchat.testing.InstancesApi;
import org.junit.jupiter.api.Test;

/** The admin API for instances, as a deploy script uses it. */
class InstancesAdminIT extends ServerTest {

  private static final List<String> SECRETS =
      List.of("access_token", "api_key", "webhook_secret", "credential");

  private final FakeEvolution evolution = FakeEvolution.shared();

  private InstancesApi api() {
    return new InstancesApi(base());
  }

  private static int n() {
    return ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
  }

  private static JsonObject json(HttpResponse<String> r) {
    return InstancesApi.json(r.body());
  }

  private static void noSecretIn(HttpResponse<String> r) {
    for (String secret : SECRETS) {
      assertFalse(r.body().contains("\"" + secret + "\""), secret + " shown: " + r.body());
    }
  }

  private static String detail(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    return json(r).getString("detail");
  }

  @Test
  void aCloudApiNumberIsAddedShownChangedAndRemoved() {
    String id = "it-cloud-" + n();
    String number = "1065" + n();
    HttpResponse<String> created =
        api()
            .create(
                "{\"instance_id\":\""
                    + id
                    + "\",\"name\":\"Sales\",\"provider\":\"cloud_api\",\"phone_number_id\":\""
                    + number
                    + "\",\"access_token\":\"EAAG-secret\",\"waba_id\":\"102290129340398\","
                    + "\"time_zone\":\"Africa/Tripoli\",\"send_window\":\"09:00-20:00\","
                    + "\"language\":\"ar\"}");
    assertEquals(201, created.statusCode(), created.body());
    noSecretIn(created);
    assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/" + id));
    JsonObject shown = json(created);
    assertEquals("cloud_api", shown.getString("provider"));
    assertEquals(number, shown.getString("phone_number_id"));
    assertEquals("always", shown.getString("connection"));
    assertTrue(shown.getBoolean("has_credential"));
    assertEquals("Africa/Tripoli", shown.getString("time_zone"));
    assertEquals("09:00-20:00", shown.getString("send_window"));
    assertEquals("ar", shown.getString("language"));
    assertTrue(
        shown
            .getString("endpoint_url")
            .endsWith("/api/v1/billing/send-notification?instance_id=" + id),
        shown.getString("endpoint_url"));

    HttpResponse<String> changed =
        api().patch(id, "{\"name\":\"Sales desk\",\"send_window\":\"00:00-24:00\"}");
    assertEquals(200, changed.statusCode(), changed.body());
    noSecretIn(changed);
    assertEquals("Sales desk", json(changed).getString("name"));
    assertEquals("00:00-24:00", json(changed).getString("send_window"));
    assertEquals("ar", json(changed).getString("language"), "fields not sent keep their value");

    HttpResponse<String> put = api().put(id, "{\"language\":\"en\"}");
    assertEquals(200, put.statusCode(), put.body());
    assertEquals("Sales desk", json(put).getString("name"));

    HttpResponse<String> list = api().list();
    assertEquals(200, list.statusCode());
    noSecretIn(list);
    assertTrue(list.body().contains("\"" + id + "\""));

    assertEquals(204, api().delete(id).statusCode());
    assertEquals(404, api().get(id).statusCode());
    assertEquals(404, api().delete(id).statusCode());
  }

  @Test
  void theConfiguredDefaultComesFirstAndIsReadOnly() {
    List<JsonObject> all =
        json(api().list()).getJsonArray("instances").getValuesAs(JsonObject.class);
    JsonObject first = all.get(0);
    assertEquals("default", first.getString("instance_id"));
    assertEquals("configuration", first.getString("source"));
    assertTrue(first.getBoolean("read_only"));
    assertEquals("106540352242922", first.getString("phone_number_id"));
    assertTrue(first.getBoolean("has_credential"), "whatsapp.access-token is configured");
    assertTrue(detail(api().patch("default", "{\"name\":\"x\"}"), 409).contains("configuration"));
    assertEquals(409, api().delete("default").statusCode());
    assertEquals(
        409,
        api()
            .create(
                "{\"instance_id\":\"default\",\"name\":\"x\",\"provider\":\"cloud_api\","
                    + "\"phone_number_id\":\"1\"}")
            .statusCode());
  }

  @Test
  void anEvolutionInstanceGetsAMadeSecretShownOnceAndNeverAgain() {
    int n = n();
    String name = "it-admin-evo-" + n;
    evolution.instance(name, "key-" + n);
    HttpResponse<String> created =
        api()
            .create(
                "{\"name\":\"Evolution "
                    + n
                    + "\",\"provider\":\"evolution\",\"evolution_instance\":\""
                    + name
                    + "\",\"api_url\":\""
                    + evolution.url()
                    + "/\",\"api_key\":\"key-"
                    + n
                    + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject shown = json(created);
    String id = shown.getString("instance_id");
    assertTrue(id.matches("[a-z0-9]{10}"), id);
    assertTrue(shown.getString("webhook_secret").length() >= 32);
    assertEquals(evolution.url(), shown.getString("api_url"), "stored without the slash");
    assertEquals("open", shown.getString("connection"));
    assertTrue(shown.getBoolean("has_webhook_secret"));
    assertTrue(shown.getString("webhook_url").endsWith("/webhooks/evolution"));
    assertFalse(shown.containsKey("api_key"));

    HttpResponse<String> again = api().get(id);
    noSecretIn(again);
    HttpResponse<String> newSecret =
        api().patch(id, "{\"webhook_secret\":\"a-longer-secret-of-ours-1234\"}");
    assertEquals(200, newSecret.statusCode(), newSecret.body());
    noSecretIn(newSecret);

    HttpResponse<String> given =
        api()
            .create(
                "{\"name\":\"E2\",\"provider\":\"evolution\",\"evolution_instance\":\""
                    + name
                    + "-2\",\"api_url\":\"http://127.0.0.1:9\",\"api_key\":\"k\","
                    + "\"webhook_secret\":\"our-own-secret-0123456789\"}");
    assertEquals(201, given.statusCode(), given.body());
    noSecretIn(given);
    assertEquals(
        "unknown", json(given).getString("connection"), "a server that cannot be asked: unknown");
    assertEquals(204, api().delete(json(given).getString("instance_id")).statusCode());
    assertEquals(204, api().delete(id).statusCode());
  }

  @Test
  void badInputIs400NamingTheField() {
    assertEquals(
        "provider is required: cloud_api or evolution.",
        detail(api().create("{\"name\":\"x\"}"), 400));
    assertTrue(
        detail(
                api()
                    .create(
                        "{\"name\":\"x\",\"provider\":\"evolution\",\"evolution_instance\":\"i\","
                            + "\"api_key\":\"k\"}"),
                400)
            .startsWith("api_url is required"));
    assertTrue(
        detail(
                api()
                    .create(
                        "{\"name\":\"x\",\"provider\":\"cloud_api\",\"phone_number_id\":\"1\","
                            + "\"send_window\":\"8-21\"}"),
                400)
            .startsWith("send_window:"));
    assertEquals("The body is not valid JSON.", detail(api().create("{\"name\":"), 400));
    String id = "it-bad-" + n();
    assertEquals(
        201,
        api()
            .create(
                "{\"instance_id\":\""
                    + id
                    + "\",\"name\":\"x\",\"provider\":\"cloud_api\",\"phone_number_id\":\""
                    + id
                    + "\"}")
            .statusCode());
    assertTrue(
        detail(api().patch(id, "{\"phone_number_id\":\"other\"}"), 400)
            .startsWith("phone_number_id cannot be changed"));
    assertTrue(
        detail(api().patch(id, "{\"api_key\":\"k\"}"), 400).startsWith("api_key belongs to"));
    assertEquals(404, api().patch("no-such-" + n(), "{\"name\":\"x\"}").statusCode());
    api().delete(id);
  }

  @Test
  void aTakenIdOrNumberIs409() {
    String id = "it-dup-" + n();
    String number = "2180" + n();
    String body =
        "{\"instance_id\":\"%s\",\"name\":\"x\",\"provider\":\"cloud_api\","
            + "\"phone_number_id\":\"%s\"}";
    assertEquals(201, api().create(body.formatted(id, number)).statusCode());
    assertTrue(detail(api().create(body.formatted(id, number + "1")), 409).contains(id));
    assertTrue(detail(api().create(body.formatted(id + "b", number)), 409).contains(number));
    assertEquals(
        409,
        api()
            .create(
                "{\"name\":\"x\",\"provider\":\"cloud_api\",\"phone_number_id\":\"106540352242922\"}")
            .statusCode(),
        "the default's number is taken");
    api().delete(id);
  }

  @Test
  void withoutAdminCredentialsItIs401() {
    HttpResponse<String> r = api().call("GET", "", null, null);
    assertEquals(401, r.statusCode());
    assertTrue(json(r).containsKey("detail"));
    assertEquals(
        401,
        api()
            .call(
                "POST",
                "",
                "{\"name\":\"x\",\"provider\":\"cloud_api\",\"phone_number_id\":\"9\"}",
                "Basic bm9ib2R5LWl0Ondyb25n")
            .statusCode());
  }
}
