package org.ispchat.chat.whatsapp;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.DeliveryStatus;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.IncomingBatch;
import org.ispchat.chat.IncomingMessage;
import org.ispchat.chat.IncomingReceipt;

/**
 * Reads a WhatsApp Cloud API webhook body into neutral messages and receipts. Iterates every entry,
 * change, message and status (Meta may batch), ignores fields it does not know, and skips (with a
 * log line) a single message it cannot read rather than refusing its neighbours.
 */
public final class WhatsAppEvents {

  private static final Logger LOG = Logger.getLogger(WhatsAppEvents.class.getName());

  private static final Set<String> MEDIA =
      Set.of("image", "audio", "video", "document", "sticker", "location", "contacts", "voice");

  /**
   * Types that are not a request to the bot: a reaction to one of our messages, or a system notice
   * (number changed). Answering them would only add noise to the chat.
   */
  private static final Set<String> NOT_ADDRESSED_TO_BOT = Set.of("reaction", "system", "ephemeral");

  private WhatsAppEvents() {}

  /**
   * @param receivedAt stands in for a missing or unreadable timestamp
   * @throws MalformedWebhook when the body is not JSON or not shaped like Meta's envelope
   */
  public static IncomingBatch parse(byte[] body, Instant receivedAt) {
    JsonObject root;
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new MalformedWebhook("the body must be a JSON object", null);
      }
      root = value.asJsonObject();
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedWebhook("the body is not valid JSON", e);
    }
    List<IncomingMessage> messages = new ArrayList<>();
    List<IncomingReceipt> receipts = new ArrayList<>();
    try {
      for (JsonObject entry : objects(root, "entry")) {
        for (JsonObject change : objects(entry, "changes")) {
          if (!"messages".equals(string(change, "field"))) {
            continue; // account, template and quality updates: not ours to store yet
          }
          JsonObject value = object(change, "value");
          if (value == null) {
            continue;
          }
          JsonObject metadata = object(value, "metadata");
          String phoneNumberId = metadata == null ? null : string(metadata, "phone_number_id");
          List<JsonObject> contacts = objects(value, "contacts");
          for (JsonObject message : objects(value, "messages")) {
            readMessage(message, phoneNumberId, contacts, receivedAt, messages);
          }
          for (JsonObject status : objects(value, "statuses")) {
            readStatus(status, receivedAt, receipts);
          }
        }
      }
    } catch (ClassCastException e) {
      throw new MalformedWebhook("the body does not have the shape of a WhatsApp webhook", e);
    }
    return new IncomingBatch(messages, receipts);
  }

  private static void readMessage(
      JsonObject m,
      String phoneNumberId,
      List<JsonObject> contacts,
      Instant receivedAt,
      List<IncomingMessage> out) {
    String type = string(m, "type");
    if (type != null && NOT_ADDRESSED_TO_BOT.contains(type)) {
      return;
    }
    String id = string(m, "id");
    String from = string(m, "from");
    JsonObject contact = contactOf(contacts, from);
    if (from == null && contact != null) {
      // Since 2026 a user with a username may arrive without a phone number, with a
      // business-scoped user id instead (reference A.3.6).
      from = firstNonNull(string(contact, "wa_id"), string(contact, "user_id"));
    }
    if (id == null || from == null || phoneNumberId == null) {
      LOG.warning("Skipped a WhatsApp message without id, sender or phone_number_id");
      return;
    }
    String name = null;
    if (contact != null && object(contact, "profile") != null) {
      name = string(object(contact, "profile"), "name");
    }
    InboundKind kind;
    String text = null;
    String choice = null;
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    switch (t) {
      case "text" -> {
        kind = InboundKind.TEXT;
        text = object(m, "text") == null ? null : string(object(m, "text"), "body");
      }
      case "interactive" -> {
        JsonObject interactive = object(m, "interactive");
        JsonObject picked =
            interactive == null
                ? null
                : firstNonNull(
                    object(interactive, "list_reply"), object(interactive, "button_reply"));
        if (picked == null) {
          kind = InboundKind.UNSUPPORTED;
        } else {
          kind = InboundKind.CHOICE;
          choice = string(picked, "id");
          text = string(picked, "title");
        }
      }
      case "button" -> {
        // A quick-reply button of a template message.
        JsonObject button = object(m, "button");
        kind = InboundKind.CHOICE;
        choice = button == null ? null : string(button, "payload");
        text = button == null ? null : string(button, "text");
      }
      default -> kind = MEDIA.contains(t) ? InboundKind.MEDIA : InboundKind.UNSUPPORTED;
    }
    if (kind == InboundKind.TEXT && (text == null || text.isBlank())) {
      kind = InboundKind.UNSUPPORTED;
    }
    out.add(
        new IncomingMessage(
            ChannelType.WHATSAPP,
            id,
            phoneNumberId,
            from,
            name,
            kind,
            text,
            choice,
            timestamp(m, receivedAt)));
  }

  private static void readStatus(JsonObject s, Instant receivedAt, List<IncomingReceipt> out) {
    String id = string(s, "id");
    DeliveryStatus status =
        switch (String.valueOf(string(s, "status")).toLowerCase(Locale.ROOT)) {
          case "sent" -> DeliveryStatus.SENT;
          case "delivered" -> DeliveryStatus.DELIVERED;
          case "read", "played" -> DeliveryStatus.READ;
          case "failed" -> DeliveryStatus.FAILED;
          default -> null; // deleted, warning: nothing to move
        };
    if (id == null || status == null) {
      return;
    }
    String code = null;
    String detail = null;
    List<JsonObject> errors = objects(s, "errors");
    if (!errors.isEmpty()) {
      JsonObject e = errors.get(0);
      code = e.containsKey("code") ? e.get("code").toString().replace("\"", "") : null;
      JsonObject data = object(e, "error_data");
      detail =
          firstNonNull(
              data == null ? null : string(data, "details"),
              string(e, "message"),
              string(e, "title"));
    }
    out.add(
        new IncomingReceipt(
            ChannelType.WHATSAPP,
            id,
            status,
            timestamp(s, receivedAt),
            string(s, "biz_opaque_callback_data"),
            code,
            detail));
  }

  private static Instant timestamp(JsonObject o, Instant fallback) {
    JsonValue v = o.get("timestamp");
    try {
      if (v instanceof JsonString s) {
        return Instant.ofEpochSecond(Long.parseLong(s.getString().strip()));
      }
      if (v instanceof jakarta.json.JsonNumber n) {
        return Instant.ofEpochSecond(n.longValueExact());
      }
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      // fall through: Meta always sends one; a broken one should not lose the message
    }
    return fallback;
  }

  private static JsonObject contactOf(List<JsonObject> contacts, String from) {
    for (JsonObject c : contacts) {
      if (from == null || from.equals(string(c, "wa_id"))) {
        return c;
      }
    }
    return contacts.size() == 1 ? contacts.get(0) : null;
  }

  static List<JsonObject> objects(JsonObject parent, String key) {
    JsonValue v = parent.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new MalformedWebhook("'" + key + "' must be an array", null);
    }
    List<JsonObject> list = new ArrayList<>();
    for (JsonValue item : (JsonArray) v) {
      if (item.getValueType() == JsonValue.ValueType.OBJECT) {
        list.add(item.asJsonObject());
      }
    }
    return list;
  }

  static JsonObject object(JsonObject parent, String key) {
    JsonValue v = parent.get(key);
    return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
  }

  static String string(JsonObject parent, String key) {
    JsonValue v = parent.get(key);
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof jakarta.json.JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
