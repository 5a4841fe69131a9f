package org.ispchat.bench.parseonly;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * The ceiling ispchat's billing notification API is measured against: what every request needs
 * before anything is checked against stored state (read the body, see that a Bearer key is there,
 * parse the JSON object) and the same 200 answer with a fresh message id, built as ispchat builds
 * it. No key look-up, no validation, no transaction.
 */
@Path("v1/billing/send-notification")
public class ParseOnlyBillingResource {

  // Looked up once, as ispchat does.
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response send(
      @QueryParam("instance_id") String instanceId,
      @HeaderParam("Authorization") String authorization,
      InputStream in)
      throws IOException {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Response.status(401).entity("{\"detail\":\"Bearer API key required\"}").build();
    }
    if (instanceId == null || instanceId.isBlank()) {
      return Response.status(400).entity("{\"detail\":\"instance_id is required\"}").build();
    }
    byte[] body = in.readAllBytes();
    JsonObject request;
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      request = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return Response.status(400).entity("{\"detail\":\"not a JSON object\"}").build();
    }
    return Response.ok(
            JSON.createObjectBuilder()
                .add("success", true)
                .add("message_id", UUID.randomUUID().toString())
                .add("invoice_id", request.getString("invoice_id", ""))
                .build()
                .toString(),
            MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
