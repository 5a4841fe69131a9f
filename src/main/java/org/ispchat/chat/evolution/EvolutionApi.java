package org.ispchat.chat.evolution;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An Evolution API server (v2), as much of it as ispchat calls. One client per server URL, built by
 * {@link EvolutionClients} with the default exception mapper off, so that Evolution's error bodies
 * reach {@link EvolutionErrors} instead of becoming exceptions. Every call carries the {@code
 * apikey} header: the server's global key or the instance's own token.
 *
 * <p>No class-level {@code @Path}: see {@code chat.whatsapp.GraphApi} for why (RESTEasy).
 */
public interface EvolutionApi {

  /** Answers 201 with the stored message record ({@code key.id}, {@code status: "PENDING"}). */
  @POST
  @Path("message/sendText/{instance}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response sendText(
      @PathParam("instance") String instance,
      @HeaderParam("apikey") String apikey,
      JsonObject text);

  /** Answers {@code {"instance": {"instanceName", "state": "open|connecting|close"}}}. */
  @GET
  @Path("instance/connectionState/{instance}")
  @Produces(MediaType.APPLICATION_JSON)
  Response connectionState(
      @PathParam("instance") String instance, @HeaderParam("apikey") String apikey);
}
