package org.ispchat.notify;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.config.Config;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.whatsapp.WhatsAppSettings;
import org.ispchat.platform.ApiFailure;

/**
 * {@code /api/v1/admin/instances}: deploy scripts and admins list, add, change and remove the
 * WhatsApp senders billing systems name by {@code instance_id} (HTTP Basic, console admin). Secrets
 * (access token, Evolution apikey, webhook secret) are write-only: answers say {@code
 * has_credential}, and a webhook secret ispchat made is shown once, in the 201.
 */
@Path("v1/admin/instances")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class InstancesResource {

  @Inject InstanceSetup setup;
  @Inject WhatsAppSettings whatsApp;
  @Inject Config config;

  @GET
  public String list(@Context UriInfo uri) {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    setup.all().forEach(i -> all.add(record(i, uri)));
    return JSON.createObjectBuilder().add("instances", all).build().toString();
  }

  @GET
  @Path("{id}")
  public String one(@PathParam("id") String id, @Context UriInfo uri) {
    return record(setup.get(id), uri).build().toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body, @Context UriInfo uri) {
    InstanceSetup.Created created = setup.create(parse(body));
    JsonObjectBuilder json = record(created.instance(), uri);
    created.madeSecret().ifPresent(s -> json.add("webhook_secret", s));
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.instance().instanceId()).build())
        .entity(json.build().toString())
        .build();
  }

  /** Changes the fields sent; the others keep their values. */
  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String change(@PathParam("id") String id, String body, @Context UriInfo uri) {
    return record(setup.change(id, parse(body)), uri).build().toString();
  }

  /** As PATCH: scripts that only know PUT send the fields to change. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String replace(@PathParam("id") String id, String body, @Context UriInfo uri) {
    return change(id, body, uri);
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") String id) {
    setup.remove(id);
    return Response.noContent().build();
  }

  private static JsonValue parse(String body) {
    if (body == null || body.isBlank()) {
      throw new ApiFailure(400, "The body must be a JSON object.");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      return reader.readValue();
    }
  }

  private JsonObjectBuilder record(MessagingInstance i, UriInfo uri) {
    boolean evolution = i.channel() == ChannelType.EVOLUTION;
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
            .add("instance_id", i.instanceId())
            .add("name", i.name())
            .add("provider", InstanceRequest.wire(i.channel()))
            .add(InstanceRequest.numberField(i.channel()), i.businessNumber());
    text(o, "api_url", i.apiUrl());
    text(o, "waba_id", i.wabaId());
    o.add("time_zone", i.zone().getId())
        .add("send_window", i.window().toString())
        .add("language", i.language())
        .add("connection", i.connection().wire());
    text(o, "connection_changed_at", i.stateChangedAt());
    // The default's token is the configured one; an added Cloud API number may carry its own.
    o.add(
        "has_credential",
        i.hasCredential()
            || (i.channel() == ChannelType.WHATSAPP && whatsApp.accessToken().isPresent()));
    if (evolution) {
      o.add("has_webhook_secret", i.webhookSecret() != null);
      o.add("webhook_url", publicBase(uri).resolve("webhooks/evolution").toString());
    }
    text(o, "created_at", i.isDefault() ? null : i.createdAt());
    text(o, "updated_at", i.isDefault() ? null : i.updatedAt());
    o.add(
            "endpoint_url",
            publicBase(uri).resolve("api/v1/billing/send-notification").toString()
                + "?instance_id="
                + URLEncoder.encode(i.instanceId(), StandardCharsets.UTF_8))
        .add("source", i.isDefault() ? "configuration" : "admin")
        .add("read_only", i.isDefault());
    return o;
  }

  /**
   * Where integrators reach this app: {@code ispchat.public-url} when set (behind a proxy the
   * request's own address is not the outside's), else the address this request came to.
   */
  private URI publicBase(UriInfo uri) {
    String configured =
        config.getOptionalValue("ispchat.public-url", String.class).orElse("").strip();
    if (!configured.isEmpty()) {
      return URI.create(configured.endsWith("/") ? configured : configured + "/");
    }
    return uri.getBaseUri().resolve(".."); // the API is served under <base>/api/
  }

  private static void text(JsonObjectBuilder o, String name, Object value) {
    if (value == null) {
      o.addNull(name);
    } else {
      o.add(name, value instanceof Instant t ? t.toString() : value.toString());
    }
  }
}
