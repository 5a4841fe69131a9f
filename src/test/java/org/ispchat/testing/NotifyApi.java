package org.ispchat.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The billing notification API as a billing system calls it, and the admin calls around it. */
public final class NotifyApi {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI base;
  private final String admin;

  public NotifyApi(URI base) {
    this.base = base;
    String password = System.getProperty("it.admin.password", "it-admin-password");
    this.admin =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A new API key's full text (created through the admin API). */
  public String createKey(String name, List<String> permissions, List<String> instanceIds) {
    var body = Json.createObjectBuilder().add("name", name);
    body.add("permissions", Json.createArrayBuilder(permissions));
    if (instanceIds != null) {
      body.add("instance_ids", Json.createArrayBuilder(instanceIds));
    }
    HttpResponse<String> r = adminPost("api/v1/admin/api-keys", body.build().toString());
    if (r.statusCode() != 201) {
      throw new AssertionError("creating a key answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body()).getString("key");
  }

  public HttpResponse<String> adminPost(String path, String body) {
    return call(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> adminPut(String path, String body) {
    return call(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", admin)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> adminDelete(String path) {
    return call(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", admin).DELETE());
  }

  public HttpResponse<String> adminGet(String path) {
    return call(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", admin).GET());
  }

  public HttpResponse<String> adminPatch(String path, String body) {
    return call(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", admin)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  /** {@code POST /api/v1/billing/send-notification?instance_id=...} as the seed's examples do. */
  public HttpResponse<String> send(String instanceId, String apiKey, String body) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(
                base.resolve("api/v1/billing/send-notification?instance_id=" + instanceId))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      r.header("Authorization", "Bearer " + apiKey);
    }
    return call(r);
  }

  public HttpResponse<String> status(String messageId, String apiKey) {
    return call(
        HttpRequest.newBuilder(base.resolve("api/v1/messages/" + messageId))
            .header("Authorization", "Bearer " + apiKey)
            .GET());
  }

  public HttpResponse<String> feed(String since, String apiKey) {
    String q = since == null ? "" : "?since=" + since;
    return call(
        HttpRequest.newBuilder(base.resolve("api/v1/messages" + q))
            .header("Authorization", "Bearer " + apiKey)
            .GET());
  }

  public HttpResponse<String> call(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** A notification body like the seed guide's, for this phone and invoice. */
  public static String notice(String phone, String invoice, String type) {
    return "{\"phone_number\": \""
        + phone
        + "\", \"customer_name\": \"John Doe\", \"amount\": 1500.00, \"currency\": \"KES\","
        + " \"invoice_id\": \""
        + invoice
        + "\", \"due_date\": \"2026-02-15\", \"message_type\": \""
        + type
        + "\"}";
  }
}
