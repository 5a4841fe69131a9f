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

/** {@code /api/v1/admin/instances} as a deploy script calls it (HTTP Basic, console admin). */
public final class InstancesApi {

  private final URI base;
  private final String authorization;
  private final HttpClient http = HttpClient.newHttpClient();

  public InstancesApi(URI base) {
    this.base = base;
    String password = System.getProperty("it.admin.password", "it-admin-password");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> create(String json) {
    return call("POST", "", json, authorization);
  }

  public HttpResponse<String> list() {
    return call("GET", "", null, authorization);
  }

  public HttpResponse<String> get(String id) {
    return call("GET", "/" + id, null, authorization);
  }

  public HttpResponse<String> patch(String id, String json) {
    return call("PATCH", "/" + id, json, authorization);
  }

  public HttpResponse<String> put(String id, String json) {
    return call("PUT", "/" + id, json, authorization);
  }

  public HttpResponse<String> delete(String id) {
    return call("DELETE", "/" + id, null, authorization);
  }

  /** The instance as the API shows it, expecting 200. */
  public JsonObject shown(String id) {
    HttpResponse<String> r = get(id);
    if (r.statusCode() != 200) {
      throw new AssertionError(
          "GET instance " + id + " answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body());
  }

  /** The message log for one person on one channel, newest first. */
  public List<JsonObject> messages(String phone, String channel) {
    HttpResponse<String> r =
        send(
            "GET",
            "api/v1/admin/messages?phone=" + phone + "&channel=" + channel,
            null,
            authorization);
    if (r.statusCode() != 200) {
      throw new AssertionError("message log answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body()).getJsonArray("messages").getValuesAs(JsonObject.class);
  }

  public HttpResponse<String> call(String method, String path, String json, String auth) {
    return send(method, "api/v1/admin/instances" + path, json, auth);
  }

  private HttpResponse<String> send(String method, String path, String json, String auth) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (auth != null) {
      request.header("Authorization", auth);
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
