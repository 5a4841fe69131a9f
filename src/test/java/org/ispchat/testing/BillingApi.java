package org.ispchat.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;

/**
 * What a billing system's integrator needs, set up as a deploy script would: API keys, created
 * through the admin API (HTTP Basic with the test admin).
 */
public final class BillingApi {

  private final URI base;
  private final String admin;
  private final HttpClient http = HttpClient.newHttpClient();

  public BillingApi(URI base) {
    this.base = base;
    this.admin = AdminApi.basicAuthorization();
  }

  /**
   * A new key's full text, for the {@code Authorization: Bearer} header. {@code instanceIds} null:
   * every instance.
   */
  public String createKey(
      String name, Collection<String> permissions, Collection<String> instanceIds) {
    return createdKey(name, permissions, instanceIds).getString("key");
  }

  /** The creation's whole answer ({@code id}, {@code key}, ...). */
  public JsonObject createdKey(
      String name, Collection<String> permissions, Collection<String> instanceIds) {
    HttpResponse<String> r = createKeyRaw(keyRequest(name, permissions, instanceIds).toString());
    if (r.statusCode() != 201) {
      throw new AssertionError("creating an API key answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body());
  }

  /** Revokes a key by its id, expecting 200. */
  public JsonObject revokeKey(long id) {
    HttpResponse<String> r = send("DELETE", "api/v1/admin/api-keys/" + id, null, admin);
    if (r.statusCode() != 200) {
      throw new AssertionError("revoking API key " + id + " answered " + r.statusCode());
    }
    return json(r.body());
  }

  public static JsonObject keyRequest(
      String name, Collection<String> permissions, Collection<String> instanceIds) {
    JsonArrayBuilder p = Json.createArrayBuilder();
    permissions.forEach(p::add);
    JsonObjectBuilder o = Json.createObjectBuilder().add("name", name).add("permissions", p);
    if (instanceIds != null) {
      JsonArrayBuilder ids = Json.createArrayBuilder();
      instanceIds.forEach(ids::add);
      o.add("instance_ids", ids);
    }
    return o.build();
  }

  public HttpResponse<String> createKeyRaw(String body) {
    return send("POST", "api/v1/admin/api-keys", body, admin);
  }

  /** Any request to the admin API, as the test admin. */
  public HttpResponse<String> asAdmin(String method, String path, String body) {
    return send(method, path, body, admin);
  }

  /** Any request, with this Authorization header (null: none). */
  public HttpResponse<String> send(String method, String path, String body, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
