package org.ispchat.notify;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import org.ispchat.chat.Clip;
import org.ispchat.chat.MessagingInstances;
import org.ispchat.platform.AdminAuthentication;
import org.ispchat.platform.ApiFailure;

/**
 * {@code /api/v1/admin/api-keys}: deploy scripts and admins create, list and revoke the keys
 * billing systems call with (HTTP Basic, console admin). A key's full text is in the creation's
 * answer only; the list shows a recognisable prefix and never the key or its hash.
 */
@Path("v1/admin/api-keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

  @Inject ApiKeys keys;
  @Inject MessagingInstances instances;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body, @Context HttpServletRequest request, @Context UriInfo uri) {
    KeyRequest wanted = KeyRequest.read(parse(body), id -> instances.find(id).isPresent());
    ApiKeys.Created created =
        keys.create(
            wanted.name(),
            wanted.permissions(),
            wanted.instanceIds(),
            (String) request.getAttribute(AdminAuthentication.ADMIN_USER));
    String json = record(created.key()).add("key", created.fullText()).build().toString();
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.key().id().toString()).build())
        .entity(json)
        .build();
  }

  @GET
  public String list() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    keys.all().forEach(k -> all.add(record(k)));
    return JSON.createObjectBuilder().add("api_keys", all).build().toString();
  }

  @GET
  @Path("{id}")
  public String one(@PathParam("id") String id) {
    return record(keys.find(idOf(id)).orElseThrow(() -> unknown(id))).build().toString();
  }

  /** Revokes the key; a revoked key stays listed, with the time it stopped working. */
  @DELETE
  @Path("{id}")
  public String revoke(@PathParam("id") String id) {
    return record(keys.revoke(idOf(id)).orElseThrow(() -> unknown(id))).build().toString();
  }

  private static JsonValue parse(String body) {
    if (body == null || body.isBlank()) {
      throw new ApiFailure(400, "The body must be a JSON object with name and permissions.");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      return reader.readValue();
    }
  }

  private static JsonObjectBuilder record(ApiKey k) {
    JsonArrayBuilder permissions = JSON.createArrayBuilder();
    k.permissions().forEach(p -> permissions.add(p.wire()));
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
            .add("id", k.id())
            .add("name", k.name())
            .add("prefix", ApiKeys.shownAs(k))
            .add("permissions", permissions);
    if (k.instanceIds().isEmpty()) {
      o.addNull("instance_ids"); // every instance, as when left out at creation
    } else {
      JsonArrayBuilder ids = JSON.createArrayBuilder();
      k.instanceIds().forEach(ids::add);
      o.add("instance_ids", ids);
    }
    text(o, "created_at", k.createdAt());
    text(o, "created_by", k.createdBy());
    text(o, "last_used_at", k.lastUsedAt());
    text(o, "revoked_at", k.revokedAt());
    return o;
  }

  private static void text(JsonObjectBuilder o, String name, Object value) {
    if (value == null) {
      o.addNull(name);
    } else {
      o.add(name, value instanceof Instant i ? i.toString() : value.toString());
    }
  }

  private static long idOf(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw unknown(id);
    }
  }

  private static ApiFailure unknown(String id) {
    return new ApiFailure(404, "No API key with id " + Clip.withEllipsis(id, 40) + ".");
  }
}
