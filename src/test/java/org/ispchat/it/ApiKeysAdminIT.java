package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.ispchat.testing.BillingApi;
import org.junit.jupiter.api.Test;

/**
 * The admin API for API keys, as a deploy script calls it: the key's full text comes back once, at
 * creation, and no later answer carries it or its hash; revoked keys stay listed.
 */
class ApiKeysAdminIT extends ServerTest {

  private static final String PATH = "api/v1/admin/api-keys";

  private BillingApi billing() {
    return new BillingApi(base());
  }

  @Test
  void aCreatedKeyIsShownOnceAndNeverAgain() throws Exception {
    String name = "WISPMAN " + UUID.randomUUID();
    HttpResponse<String> r =
        billing()
            .createKeyRaw(
                BillingApi.keyRequest(name, List.of("send_message", "receive_message"), null)
                    .toString());
    assertEquals(201, r.statusCode(), r.body());
    JsonObject created = BillingApi.json(r.body());
    String key = created.getString("key");
    assertTrue(key.matches("isp_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}"), key);
    long id = created.getJsonNumber("id").longValue();
    assertEquals(name, created.getString("name"));
    assertEquals(
        List.of("send_message", "receive_message"),
        created.getJsonArray("permissions").getValuesAs(JsonString::getString));
    assertEquals(JsonValue.NULL, created.get("instance_ids"), "every instance");
    assertNotNull(Instant.parse(created.getString("created_at")));
    assertEquals("admin", created.getString("created_by"));
    assertTrue(
        r.headers().firstValue("Location").orElseThrow().endsWith(PATH + "/" + id),
        r.headers().toString());

    String hash = HexFormat.of().formatHex(sha256(key));
    String secret = key.substring(17);
    String list = billing().asAdmin("GET", PATH, null).body();
    String one = billing().asAdmin("GET", PATH + "/" + id, null).body();
    for (String later : List.of(list, one)) {
      assertFalse(later.contains(secret), "the secret is never shown again: " + later);
      assertFalse(later.toLowerCase().contains(hash), "nor its hash: " + later);
    }
    JsonObject listed = listed(id);
    assertEquals(BillingApi.json(one), listed);
    assertFalse(listed.containsKey("key"));
    assertEquals(key.substring(0, 17) + "…", listed.getString("prefix"));
    assertEquals(name, listed.getString("name"));
    assertEquals("admin", listed.getString("created_by"));
    assertEquals(created.getString("created_at"), listed.getString("created_at"));
    assertEquals(JsonValue.NULL, listed.get("last_used_at"));
    assertEquals(JsonValue.NULL, listed.get("revoked_at"));
  }

  @Test
  void aKeyMayBeLimitedToNamedInstances() {
    JsonObject created =
        billing().createdKey("Branch billing", List.of("send_message"), List.of("default"));
    assertEquals(
        List.of("default"),
        created.getJsonArray("instance_ids").getValuesAs(JsonString::getString));
    assertEquals(
        List.of("default"),
        listed(created.getJsonNumber("id").longValue())
            .getJsonArray("instance_ids")
            .getValuesAs(JsonString::getString));
  }

  @Test
  void aRevokedKeyStaysListedWithTheTimeItStoppedWorking() {
    long id =
        billing()
            .createdKey("To revoke", List.of("send_message"), null)
            .getJsonNumber("id")
            .longValue();
    JsonObject revoked = billing().revokeKey(id);
    assertEquals(id, revoked.getJsonNumber("id").longValue());
    String at = revoked.getString("revoked_at");
    assertNotNull(Instant.parse(at));
    assertFalse(revoked.containsKey("key"));
    assertEquals(at, listed(id).getString("revoked_at"));
    assertEquals(at, billing().revokeKey(id).getString("revoked_at"), "the first time is kept");
  }

  @Test
  void eachBadFieldIsA400NamingIt() {
    assertRefused("{\"permissions\":[\"send_message\"]}", "name is required");
    assertRefused("{\"name\":\"  \",\"permissions\":[\"send_message\"]}", "name must not be blank");
    assertRefused(
        "{\"name\":\"" + "n".repeat(201) + "\",\"permissions\":[\"send_message\"]}",
        "name is too long");
    assertRefused("{\"name\":\"a\"}", "permissions is required");
    assertRefused("{\"name\":\"a\",\"permissions\":[]}", "permissions must not be empty");
    assertRefused(
        "{\"name\":\"a\",\"permissions\":[\"send_messages\"]}",
        "permissions: unknown permission 'send_messages'");
    assertRefused(
        "{\"name\":\"a\",\"permissions\":[\"send_message\"],\"instance_ids\":\"default\"}",
        "instance_ids must be a list");
    assertRefused(
        "{\"name\":\"a\",\"permissions\":[\"send_message\"],\"instance_ids\":[42]}",
        "instance_ids must be a list");
    assertRefused(
        "{\"name\":\"a\",\"permissions\":[\"send_message\"],\"instance_ids\":[\"default\","
            + "\"no-such-instance\"]}",
        "instance_ids: no instance 'no-such-instance'");
    assertRefused("[]", "The body must be a JSON object");
    assertRefused("{\"name\":", "The body is not valid JSON");
    assertRefused("", "The body must be a JSON object");
  }

  @Test
  void anUnknownIdIs404() {
    for (String path : List.of(PATH + "/999999999", PATH + "/not-a-number")) {
      for (String method : List.of("GET", "DELETE")) {
        HttpResponse<String> r = billing().asAdmin(method, path, null);
        assertEquals(404, r.statusCode(), method + " " + path + ": " + r.body());
        assertTrue(r.body().startsWith("{\"detail\":\"No API key with id"), r.body());
      }
    }
  }

  @Test
  void onlyAConsoleAdminMayManageKeys() {
    // A non-admin console user cannot be made through any API yet, so the 403 is not tested here.
    String body = BillingApi.keyRequest("x", List.of("send_message"), null).toString();
    for (String authorization :
        List.of("", "Bearer isp_AbCdEf012345_" + "x".repeat(32), basic("admin", "wrong"))) {
      String header = authorization.isEmpty() ? null : authorization;
      for (String method : List.of("GET", "POST")) {
        HttpResponse<String> r =
            billing().send(method, PATH, method.equals("POST") ? body : null, header);
        assertEquals(401, r.statusCode(), method + " with " + authorization + ": " + r.body());
        assertTrue(r.body().startsWith("{\"detail\":"), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent());
      }
    }
  }

  private void assertRefused(String body, String detailStart) {
    HttpResponse<String> r = billing().createKeyRaw(body);
    assertEquals(400, r.statusCode(), body + ": " + r.body());
    String detail = BillingApi.json(r.body()).getString("detail");
    assertTrue(detail.startsWith(detailStart), body + ": " + detail);
  }

  private JsonObject listed(long id) {
    HttpResponse<String> r = billing().asAdmin("GET", PATH, null);
    assertEquals(200, r.statusCode(), r.body());
    return BillingApi.json(r.body()).getJsonArray("api_keys").getValuesAs(JsonObject.class).stream()
        .filter(k -> k.getJsonNumber("id").longValue() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("key " + id + " not listed: " + r.body()));
  }

  private static byte[] sha256(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
