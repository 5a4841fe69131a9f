package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health readiness as a load balancer probes it. Payara Micro answers on the HTTP
 * port, WildFly on its management port, so the build says where ({@code it.health.url}).
 */
class ReadinessIT extends ServerTest {

  @Test
  void readyWhileTheDatabaseAnswers() throws Exception {
    URI ready = URI.create(System.getProperty("it.health.url"));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    JsonObject health;
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      health = reader.readObject();
    }
    assertEquals("UP", health.getString("status"), r.body());
    JsonObject database =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("database"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no database check in " + r.body()));
    assertEquals("UP", database.getString("status"), r.body());
  }
}
