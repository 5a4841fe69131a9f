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

/** The admin API as a deploy script or an operator would call it (HTTP Basic). */
public final class AdminApi {

  private final URI base;
  private final String authorization;
  private final HttpClient http = HttpClient.newHttpClient();

  public AdminApi(URI base) {
    this.base = base;
    this.authorization = AdminApi.basicAuthorization();
  }

  /** The test admin's HTTP Basic {@code Authorization} value. */
  public static String basicAuthorization() {
    String password = System.getProperty("it.admin.password", "it-admin-password");
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The message log for one person, newest first. */
  public List<JsonObject> messages(String phone) {
    return messages(phone, 50);
  }

  /** The newest {@code limit} entries (at most 500) of the message log for one person. */
  public List<JsonObject> messages(String phone, int limit) {
    HttpResponse<String> response =
        get("api/v1/admin/messages?phone=" + phone + "&limit=" + limit, authorization);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "message log answered " + response.statusCode() + ": " + response.body());
    }
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject().getJsonArray("messages").getValuesAs(JsonObject.class);
    }
  }

  public List<JsonObject> outbound(String phone) {
    return messages(phone).stream().filter(m -> m.getString("direction").equals("out")).toList();
  }

  public List<JsonObject> inbound(String phone) {
    return messages(phone).stream().filter(m -> m.getString("direction").equals("in")).toList();
  }

  public HttpResponse<String> get(String path, String authorizationHeader) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (authorizationHeader != null) {
      request.header("Authorization", authorizationHeader);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
