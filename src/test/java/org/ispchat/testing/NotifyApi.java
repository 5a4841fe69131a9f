package org.ispchat.testing;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The billing notification API as a billing system calls it (Bearer key), with the admin calls a
 * test needs around it; the HTTP itself is {@link BillingApi}'s.
 */
public final class NotifyApi {

  private final BillingApi http;

  public NotifyApi(URI base) {
    this.http = new BillingApi(base);
  }

  /** A new API key's full text (created through the admin API). */
  public String createKey(String name, List<String> permissions, List<String> instanceIds) {
    return http.createKey(name, permissions, instanceIds);
  }

  public HttpResponse<String> adminPost(String path, String body) {
    return http.asAdmin("POST", path, body);
  }

  public HttpResponse<String> adminPut(String path, String body) {
    return http.asAdmin("PUT", path, body);
  }

  public HttpResponse<String> adminGet(String path) {
    return http.asAdmin("GET", path, null);
  }

  public HttpResponse<String> adminDelete(String path) {
    return http.asAdmin("DELETE", path, null);
  }

  /** {@code POST /api/v1/billing/send-notification?instance_id=...} as the seed's examples do. */
  public HttpResponse<String> send(String instanceId, String apiKey, String body) {
    return http.send(
        "POST",
        "api/v1/billing/send-notification?instance_id=" + instanceId,
        body,
        apiKey == null ? null : "Bearer " + apiKey);
  }

  public HttpResponse<String> status(String messageId, String apiKey) {
    return http.send("GET", "api/v1/messages/" + messageId, null, "Bearer " + apiKey);
  }

  public HttpResponse<String> feed(String since, String apiKey) {
    return http.send(
        "GET",
        "api/v1/messages" + (since == null ? "" : "?since=" + since),
        null,
        "Bearer " + apiKey);
  }

  public static JsonObject json(String body) {
    return BillingApi.json(body);
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
