package org.ispchat.chat.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.ispchat.chat.IntakeUnavailable;
import org.ispchat.platform.BoundedBody;
import org.ispchat.platform.JsonErrors;

/**
 * {@code /webhooks/whatsapp}: Meta's handshake (GET) and event deliveries (POST). A delivery gets
 * 200 only after what it holds is committed, entries that cannot be used skipped; 401 for a bad
 * signature, 400 for a body that is not JSON or not a WhatsApp Business Account's, 413 over 4 MiB
 * (nothing stored in those cases), 503 when the database cannot confirm the commit (Meta delivers
 * again).
 */
@Path("whatsapp")
@ApplicationScoped
public class WhatsAppWebhookResource {

  @Inject WhatsAppWebhook webhook;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public Response handshake(
      @QueryParam("hub.mode") String mode,
      @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    if (!webhook.handshakeMatches(mode, token)) {
      return JsonErrors.of(403, "Verification failed: wrong mode or verify token.");
    }
    if (challenge == null) {
      return JsonErrors.of(400, "hub.challenge is missing.");
    }
    return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response deliver(
      @HeaderParam("X-Hub-Signature-256") String signature,
      @HeaderParam("Content-Length") String contentLength,
      InputStream body) {
    byte[] raw = BoundedBody.read(body, contentLength, BoundedBody.WEBHOOK_LIMIT);
    try {
      webhook.receive(raw, signature);
      return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    } catch (SignatureRejected e) {
      return JsonErrors.of(401, e.getMessage());
    } catch (MalformedWebhook e) {
      return JsonErrors.of(400, e.getMessage());
    } catch (IntakeUnavailable e) {
      return Response.fromResponse(JsonErrors.of(503, "Not stored; please deliver again."))
          .header("Retry-After", "5")
          .build();
    }
  }
}
