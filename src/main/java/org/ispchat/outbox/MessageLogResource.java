package org.ispchat.outbox;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Locale;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.PhoneNumber;
import org.ispchat.platform.ApiFailure;

/**
 * {@code GET /api/v1/admin/messages?phone=...}: the message log for one person, for admins and ops
 * (HTTP Basic, console admin).
 */
@Path("v1/admin/messages")
@ApplicationScoped
public class MessageLogResource {

  @Inject MessageLog log;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String forPerson(
      @QueryParam("phone") String phone,
      @QueryParam("channel") @DefaultValue("whatsapp") String channel,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    String person =
        PhoneNumber.asSender(phone)
            .orElseThrow(() -> new ApiFailure(400, "phone is required (country code and number)."));
    ChannelType type;
    try {
      type = ChannelType.valueOf(channel.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiFailure(400, "channel must be one of whatsapp, evolution, viber.");
    }
    if (limit < 1 || limit > 500) {
      throw new ApiFailure(400, "limit must be between 1 and 500.");
    }
    JsonArrayBuilder entries = JSON.createArrayBuilder();
    for (MessageLog.Entry e : log.forPerson(type, person, limit)) {
      JsonObjectBuilder o =
          JSON.createObjectBuilder()
              .add("direction", e.direction())
              .add("id", e.id())
              .add("kind", e.kind())
              .add("status", e.status())
              .add("attempts", e.attempts())
              .add("text_forgotten", e.textForgotten());
      optional(o, "provider_message_id", e.providerMessageId());
      optional(o, "in_reply_to", e.inReplyTo());
      optional(o, "error_code", e.errorCode());
      optional(o, "error_detail", e.errorDetail());
      optional(o, "created_at", e.at());
      optional(o, "updated_at", e.updatedAt());
      entries.add(o);
    }
    return JSON.createObjectBuilder().add("messages", entries).build().toString();
  }

  private static void optional(JsonObjectBuilder o, String name, Object value) {
    if (value instanceof Instant i) {
      o.add(name, i.toString());
    } else if (value != null) {
      o.add(name, value.toString());
    }
  }
}
