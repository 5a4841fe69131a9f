package org.ispchat.notify;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.ispchat.platform.JsonErrors;

/**
 * {@code POST /api/v1/billing/send-notification?instance_id=}: the hosted gateway's contract,
 * unchanged (../docs/billing-integration.md). The checks run in the contract's order of statuses:
 * the key (401), its rate (429), the instance and the key's scope (404), the body (400), the
 * instance's connection (400); then one transaction stores and queues the notice and the answer is
 * 200 with its message id. The message itself goes out later, from the outbox.
 */
@Path("v1/billing/send-notification")
@ApplicationScoped
public class NotificationResource {

  /** One factory: looking the provider's up per request shows at thousands of requests a second. */
  private static final jakarta.json.JsonReaderFactory READERS =
      JSON.createReaderFactory(java.util.Map.of());

  @Inject NotificationDesk desk;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response send(
      @QueryParam("instance_id") String instanceId,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("Content-Type") String contentType,
      InputStream body) {
    return desk.send(instanceId, authorization, contentType, body);
  }

  /** Parses a JSON object body, or says in a 400 what is wrong with it. */
  static JsonObject object(byte[] raw) {
    if (raw.length == 0) {
      throw new BadRequest("The request body is empty; send the notification as a JSON object.");
    }
    try (var reader = READERS.createReader(new ByteArrayInputStream(raw), StandardCharsets.UTF_8)) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new BadRequest("The request body must be a JSON object.");
      }
      return value.asJsonObject();
    } catch (jakarta.json.JsonException e) {
      throw new BadRequest("The request body is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  static Response ok(String messageId, String invoiceId) {
    return Response.ok(
            JSON.createObjectBuilder()
                .add("success", true)
                .add("message_id", messageId)
                .add("invoice_id", invoiceId)
                .build()
                .toString(),
            MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  static Response error(int status, String detail) {
    return JsonErrors.of(status, detail);
  }
}
