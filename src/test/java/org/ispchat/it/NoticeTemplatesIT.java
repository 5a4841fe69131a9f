package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ispchat.notify.MessageType;
import org.ispchat.notify.NoticeWording;
import org.ispchat.testing.AdminApi;
import org.ispchat.testing.BillingApi;
import org.ispchat.testing.FakeGraphApi;
import org.junit.jupiter.api.Test;

/**
 * Setting the billing notices' templates up through the admin API (docs/notice-templates.md), for
 * the {@code default} instance, whose WhatsApp Business Account is {@code whatsapp.waba-id}.
 */
class NoticeTemplatesIT extends ServerTest {

  private static final String WABA = "102290129340398";
  private static final String TEMPLATES = "api/v1/admin/instances/default/templates";

  @Test
  void submittedTemplatesAreApprovedAndCountedOnRefresh() {
    HttpResponse<String> first = call("POST", TEMPLATES + "/submit", "", basicAuth());
    assertEquals(200, first.statusCode(), first.body());
    JsonObject summary = json(first);
    assertEquals(8, summary.getInt("submitted") + summary.getInt("already_exists"));
    assertEquals(0, summary.getInt("errors"));

    Map<String, FakeGraphApi.TemplateRequest> reached =
        graph.templateRequests().stream()
            .filter(r -> r.wabaId().equals(WABA) && r.status() == 200)
            .collect(Collectors.toMap(r -> r.name() + "|" + r.language(), Function.identity()));
    assertEquals(8, reached.size(), reached.keySet().toString());
    for (MessageType type : MessageType.values()) {
      for (String language : List.of("en", "ar")) {
        FakeGraphApi.TemplateRequest r = reached.get("ispchat_" + type.wire() + "|" + language);
        assertEquals("UTILITY", r.category());
        assertEquals(NoticeWording.defaultTemplateBody(type, language), r.text());
        assertEquals("Bearer it-access-token", r.authorization());
        int placeholders = NoticeWording.placeholders(r.text());
        assertEquals(
            placeholders,
            r.body()
                .getJsonArray("components")
                .getJsonObject(0)
                .getJsonObject("example")
                .getJsonArray("body_text")
                .getJsonArray(0)
                .size(),
            "one example per placeholder");
      }
    }

    HttpResponse<String> again = call("POST", TEMPLATES + "/submit", "", basicAuth());
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(8, json(again).getInt("already_exists"), again.body());
    assertEquals(0, json(again).getInt("errors"));

    reached.values().forEach(r -> graph.approve(r.name(), r.language()));
    HttpResponse<String> refreshed = call("POST", TEMPLATES + "/refresh", "", basicAuth());
    assertEquals(200, refreshed.statusCode(), refreshed.body());

    for (JsonObject e : entries(call("GET", TEMPLATES, null, basicAuth()))) {
      if (!e.getString("template_name").startsWith("ispchat_")) {
        continue; // another test's mapping of its own
      }
      String type = e.getString("message_type");
      assertEquals("APPROVED", e.getString("approval_status"), e.toString());
      assertFalse(e.isNull("approval_checked_at"));
      assertEquals(
          type.equals("payment_reminder") || type.equals("invoice") ? 4 : 3,
          e.getInt("parameter_count"),
          e.toString());
      assertTrue(e.getBoolean("parameters_match"), e.toString());
    }
  }

  @Test
  void overriddenTextIsShownUntilItIsEmptiedAgain() {
    String text = "*Invoice*\nHello {customer_name}, invoice #{invoice_id} for {amount} is ready.";
    try {
      HttpResponse<String> put =
          call("PUT", TEMPLATES + "/invoice/en", body(Map.of("text", text)), basicAuth());
      assertEquals(200, put.statusCode(), put.body());
      assertEquals(0, json(put).getJsonArray("warnings").size(), put.body());

      JsonObject invoice = entry("invoice", "en");
      assertEquals(text, invoice.getString("text"));
      assertTrue(invoice.getBoolean("text_overridden"));
      assertFalse(entry("invoice", "ar").getBoolean("text_overridden"));
    } finally {
      call("PUT", TEMPLATES + "/invoice/en", "{\"text\":null}", basicAuth());
    }
    JsonObject back = entry("invoice", "en");
    assertFalse(back.getBoolean("text_overridden"));
    assertEquals(NoticeWording.defaultText(MessageType.INVOICE, "en"), back.getString("text"));
  }

  @Test
  void textWithoutTheAmountIsTakenWithAWarning() {
    try {
      HttpResponse<String> put =
          call(
              "PUT",
              TEMPLATES + "/confirmation/ar",
              "{\"text\":\"شكرًا {customer_name} #{invoice_id}\"}",
              basicAuth());
      assertEquals(200, put.statusCode(), put.body());
      assertTrue(json(put).getJsonArray("warnings").toString().contains("{amount}"), put.body());
    } finally {
      call("PUT", TEMPLATES + "/confirmation/ar", "{\"text\":\"\"}", basicAuth());
    }
  }

  @Test
  void mappingWithTheWrongParameterCountIsFlagged() {
    try {
      HttpResponse<String> put =
          call(
              "PUT",
              TEMPLATES + "/overdue/ar",
              "{\"template_name\":\"isp_overdue_notice\",\"template_language\":\"ar\","
                  + "\"parameters\":[\"customer_name\",\"amount\"],\"parameter_count\":3}",
              basicAuth());
      assertEquals(200, put.statusCode(), put.body());
      assertFalse(json(put).getBoolean("parameters_match"), put.body());

      JsonObject overdue = entry("overdue", "ar");
      assertEquals("isp_overdue_notice", overdue.getString("template_name"));
      assertEquals(List.of("customer_name", "amount"), strings(overdue, "parameters"));
      assertFalse(overdue.getBoolean("parameters_match"));
      assertTrue(
          overdue.getString("problem").contains("takes 3 parameter(s) but 2 are mapped"),
          overdue.toString());
    } finally {
      call(
          "PUT",
          TEMPLATES + "/overdue/ar",
          "{\"template_name\":null,\"template_language\":null,\"parameters\":null,"
              + "\"parameter_count\":null}",
          basicAuth());
    }
    assertTrue(entry("overdue", "ar").getBoolean("parameters_match"));
  }

  @Test
  void unknownTypeLanguageOrFieldIsRefused() {
    assertRefused(call("PUT", TEMPLATES + "/refund/en", "{\"text\":\"x\"}", basicAuth()), "refund");
    assertRefused(call("PUT", TEMPLATES + "/invoice/fr", "{\"text\":\"x\"}", basicAuth()), "fr");
    assertRefused(
        call("PUT", TEMPLATES + "/invoice/en", "{\"parameters\":[\"balance\"]}", basicAuth()),
        "balance");
    assertRefused(
        call("PUT", TEMPLATES + "/invoice/en", "{\"text\":\"Hi {account}\"}", basicAuth()),
        "{account}");
  }

  @Test
  void unknownInstanceIsNotFound() {
    HttpResponse<String> r =
        call("GET", "api/v1/admin/instances/nowhere/templates", null, basicAuth());
    assertEquals(404, r.statusCode(), r.body());
    assertTrue(json(r).getString("detail").contains("nowhere"));
  }

  @Test
  void withoutAdminCredentialsNothingIsShownOrChanged() {
    HttpResponse<String> get = call("GET", TEMPLATES, null, null);
    assertEquals(401, get.statusCode());
    assertTrue(json(get).containsKey("detail"));
    assertEquals(401, call("POST", TEMPLATES + "/submit", "", null).statusCode());
    assertEquals(
        401, call("PUT", TEMPLATES + "/invoice/en", "{\"text\":\"x\"}", null).statusCode());
  }

  private static void assertRefused(HttpResponse<String> r, String named) {
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(json(r).getString("detail").contains(named), r.body());
  }

  private JsonObject entry(String type, String language) {
    return entries(call("GET", TEMPLATES, null, basicAuth())).stream()
        .filter(
            e ->
                e.getString("message_type").equals(type)
                    && e.getString("language").equals(language))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonObject> entries(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    List<JsonObject> entries =
        json(response).getJsonArray("templates").getValuesAs(JsonObject.class);
    assertEquals(8, entries.size(), "four notices in two languages");
    return entries;
  }

  private static List<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  private static String body(Map<String, String> fields) {
    var b = Json.createObjectBuilder();
    fields.forEach(b::add);
    return b.build().toString();
  }

  private static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  private static String basicAuth() {
    return AdminApi.basicAuthorization();
  }

  private HttpResponse<String> call(String method, String path, String body, String authorization) {
    return new BillingApi(base()).send(method, path, body, authorization);
  }
}
