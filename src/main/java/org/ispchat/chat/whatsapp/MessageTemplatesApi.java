package org.ispchat.chat.whatsapp;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Graph API's template management on a WhatsApp Business Account ({@code
 * /{waba-id}/message_templates}). Built like {@link GraphApi} (same base URL, default exception
 * mapper off, no class-level path) so Meta's error bodies reach {@link WhatsAppTemplates}.
 */
public interface MessageTemplatesApi {

  @POST
  @Path("{wabaId}/message_templates")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response create(
      @PathParam("wabaId") String wabaId,
      @HeaderParam("Authorization") String authorization,
      JsonObject template);

  /**
   * {@code name} filters by name; Meta's documentation does not say whether the match is exact, so
   * callers filter the answer again.
   */
  @GET
  @Path("{wabaId}/message_templates")
  @Produces(MediaType.APPLICATION_JSON)
  Response list(
      @PathParam("wabaId") String wabaId,
      @HeaderParam("Authorization") String authorization,
      @QueryParam("name") String name,
      @QueryParam("fields") String fields,
      @QueryParam("limit") int limit);
}
