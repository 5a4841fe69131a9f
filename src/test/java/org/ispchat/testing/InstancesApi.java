package org.ispchat.testing;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

/** {@code /api/v1/admin/instances} as a deploy script calls it (HTTP Basic, console admin). */
public final class InstancesApi {

  private final BillingApi http;

  public InstancesApi(URI base) {
    this.http = new BillingApi(base);
  }

  public HttpResponse<String> create(String json) {
    return call("POST", "", json);
  }

  public HttpResponse<String> list() {
    return call("GET", "", null);
  }

  public HttpResponse<String> get(String id) {
    return call("GET", "/" + id, null);
  }

  public HttpResponse<String> patch(String id, String json) {
    return call("PATCH", "/" + id, json);
  }

  public HttpResponse<String> put(String id, String json) {
    return call("PUT", "/" + id, json);
  }

  public HttpResponse<String> delete(String id) {
    return call("DELETE", "/" + id, null);
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
        http.asAdmin("GET", "api/v1/admin/messages?phone=" + phone + "&channel=" + channel, null);
    if (r.statusCode() != 200) {
      throw new AssertionError("message log answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body()).getJsonArray("messages").getValuesAs(JsonObject.class);
  }

  private HttpResponse<String> call(String method, String path, String json) {
    return http.asAdmin(method, "api/v1/admin/instances" + path, json);
  }

  /** With another Authorization header (null: none), for the refusals. */
  public HttpResponse<String> call(String method, String path, String json, String auth) {
    return http.send(method, "api/v1/admin/instances" + path, json, auth);
  }

  public static JsonObject json(String body) {
    return BillingApi.json(body);
  }
}
