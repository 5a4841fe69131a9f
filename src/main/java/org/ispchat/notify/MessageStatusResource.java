package org.ispchat.notify;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.ispchat.platform.JsonErrors;

/**
 * {@code GET /api/v1/messages/{message_id}}: one notification's status (a key with {@code
 * send_message} or {@code receive_message}); {@code GET /api/v1/messages?since=}: status changes
 * and customers' inbound messages after a cursor ({@code receive_message}), so a billing system
 * syncs without polling each id.
 */
@Path("v1/messages")
@ApplicationScoped
public class MessageStatusResource {

  @Inject ApiKeys keys;
  @Inject RateLimits rates;
  @Inject NoticeLedger ledger;

  @GET
  @Path("{message_id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response one(
      @PathParam("message_id") String messageId,
      @HeaderParam("Authorization") String authorization) {
    Object grant = authorize(authorization, false);
    if (grant instanceof Response refused) {
      return refused;
    }
    KeyGrant key = (KeyGrant) grant;
    Optional<NoticeStatus> found =
        ledger.status(messageId).filter(s -> key.covers(s.notice().instanceId()));
    if (found.isEmpty()) {
      return JsonErrors.of(404, "No message '" + messageId + "' for this API key.");
    }
    return Response.ok(json(found.get()).build().toString(), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response since(
      @QueryParam("since") String since,
      @QueryParam("limit") @DefaultValue("100") int limit,
      @HeaderParam("Authorization") String authorization) {
    Object grant = authorize(authorization, true);
    if (grant instanceof Response refused) {
      return refused;
    }
    KeyGrant key = (KeyGrant) grant;
    if (limit < 1 || limit > 500) {
      return JsonErrors.of(400, "limit must be between 1 and 500.");
    }
    FeedCursor cursor;
    try {
      cursor = FeedCursor.parse(since);
    } catch (BadRequest e) {
      return JsonErrors.of(400, e.getMessage());
    }
    NoticeLedger.Page page = ledger.since(cursor, key.scope(), limit);
    JsonArrayBuilder events = JSON.createArrayBuilder();
    for (NoticeLedger.Change c : page.changes()) {
      if (c instanceof NoticeLedger.StatusChange s) {
        events.add(json(s.status()).add("type", "status"));
      } else if (c instanceof NoticeLedger.Inbound in) {
        JsonObjectBuilder o =
            JSON.createObjectBuilder()
                .add("type", "inbound")
                .add("id", in.message().providerMessageId())
                .add("instance_id", in.instanceId())
                .add("phone_number", in.message().sender())
                .add("kind", in.message().kind().name().toLowerCase(java.util.Locale.ROOT))
                .add("received_at", in.message().receivedAt().toString());
        if (in.message().senderName() != null) {
          o.add("name", in.message().senderName());
        }
        if (!in.message().forgotten() && in.message().text() != null) {
          o.add("text", in.message().text());
        }
        events.add(o);
      }
    }
    return Response.ok(
            JSON.createObjectBuilder()
                .add("events", events)
                .add("next", page.next().text())
                .build()
                .toString(),
            MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** The key's grant, or the refusal to answer with. */
  private Object authorize(String authorization, boolean feed) {
    ApiKeys.Check check = keys.check(authorization);
    if (check instanceof ApiKeys.Refused refused) {
      return JsonErrors.of(401, refused.detail());
    }
    KeyGrant grant = ((ApiKeys.Valid) check).grant();
    Optional<Duration> wait = rates.take(grant.keyId());
    if (wait.isPresent()) {
      return rates.tooMany(wait.get());
    }
    if (feed && !grant.may(Permission.RECEIVE_MESSAGE)) {
      return JsonErrors.of(401, "This API key lacks the receive_message permission.");
    }
    if (!feed && !grant.may(Permission.SEND_MESSAGE) && !grant.may(Permission.RECEIVE_MESSAGE)) {
      return JsonErrors.of(401, "This API key has neither send_message nor receive_message.");
    }
    return grant;
  }

  static JsonObjectBuilder json(NoticeStatus s) {
    Notification n = s.notice();
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
            .add("message_id", n.messageId())
            .add("status", s.status())
            .add("invoice_id", n.invoiceId())
            .add("phone_number", n.phone())
            .add("updated_at", s.updatedAt().toString())
            .add("instance_id", n.instanceId())
            .add("message_type", n.type().wire())
            .add("form", n.form().name().toLowerCase(java.util.Locale.ROOT))
            .add("created_at", n.createdAt().toString());
    if (s.scheduledFor() != null) {
      o.add("scheduled_for", s.scheduledFor().toString());
    }
    if (s.reason() != null) {
      o.add("reason", s.reason());
    }
    return o;
  }
}
