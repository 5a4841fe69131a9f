package org.ispchat.chat.whatsapp;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Meta's Graph API, as much of it as ispchat calls. Built by {@link WhatsAppChannel} with the base
 * URL from {@code whatsapp.graph-url} (version included) and the default exception mapper off, so
 * that Meta's error bodies reach the classifier instead of becoming exceptions.
 *
 * <p>No class-level {@code @Path("/")}: RESTEasy (WildFly) validates the joined template {@code
 * //{phoneNumberId}/messages} as a URI, takes the variable for a host name and refuses to build the
 * client.
 */
public interface GraphApi {

  @POST
  @Path("{phoneNumberId}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response sendMessage(
      @PathParam("phoneNumberId") String phoneNumberId,
      @HeaderParam("Authorization") String authorization,
      JsonObject message);
}
