package org.ispchat.chat.evolution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.ispchat.chat.IntakeUnavailable;
import org.ispchat.platform.BoundedBody;
import org.ispchat.platform.JsonErrors;

/**
 * {@code POST /webhooks/evolution}: Evolution API event deliveries. 200 {@code {}} only after what
 * the delivery holds is committed (events ispchat does not use included); 401 for an unknown
 * instance or a missing or wrong token, 400 for a body that is not an Evolution envelope, 413 over
 * 4 MiB (nothing stored in those cases; Evolution does not retry 400 and 401), 503 when the
 * database cannot confirm the commit (Evolution delivers again). With Evolution's "webhook by
 * events" on, the event name is appended to the URL ({@code /webhooks/evolution/messages-upsert}):
 * same door.
 */
@Path("evolution")
@ApplicationScoped
public class EvolutionWebhookResource {

  @Inject EvolutionWebhook webhook;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response deliver(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("X-Ispchat-Token") String token,
      @HeaderParam("Content-Length") String contentLength,
      InputStream body) {
    byte[] raw = BoundedBody.read(body, contentLength, BoundedBody.WEBHOOK_LIMIT);
    try {
      webhook.receive(raw, authorization, token);
      return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    } catch (WebhookRefused e) {
      return JsonErrors.of(401, e.getMessage());
    } catch (UnreadableEvent e) {
      return JsonErrors.of(400, e.getMessage());
    } catch (IntakeUnavailable e) {
      return Response.fromResponse(JsonErrors.of(503, "Not stored; please deliver again."))
          .header("Retry-After", "5")
          .build();
    }
  }

  @POST
  @Path("{event: [a-z-]+}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response deliverByEvent(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("X-Ispchat-Token") String token,
      @HeaderParam("Content-Length") String contentLength,
      InputStream body) {
    return deliver(authorization, token, contentLength, body);
  }
}
