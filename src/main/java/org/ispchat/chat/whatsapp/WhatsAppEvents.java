package org.ispchat.chat.whatsapp;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.DeliveryStatus;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.IncomingBatch;
import org.ispchat.chat.IncomingMessage;
import org.ispchat.chat.IncomingReceipt;

/**
 * Reads a WhatsApp Cloud API webhook body into neutral messages and receipts. Iterates every entry,
 * change, message and status (Meta may batch) and ignores fields it does not know. An entry it
 * cannot use (no id, no sender, the wrong JSON type) is skipped and counted, never its neighbours:
 * refusing the body would make Meta re-deliver the usable rest for days, and then give up on it.
 */
public final class WhatsAppEvents {

  private static final String BUSINESS_ACCOUNT = "whatsapp_business_account";

  private static final Set<String> MEDIA =
      Set.of("image", "audio", "video", "document", "sticker", "location", "contacts", "voice");

  /**
   * Types that are not a request to the bot: a reaction to one of our messages, or a system notice
   * (number changed). Answering them would only add noise to the chat.
   */
  private static final Set<String> NOT_ADDRESSED_TO_BOT = Set.of("reaction", "system", "ephemeral");

  /** Meta re-delivers for up to a week, but never stamps a message ahead of its own clock. */
  private static final Duration CLOCK_SKEW = Duration.ofDays(1);

  /** Enough skipped entries to find the delivery in Meta's logs; the count says the rest. */
  private static final int DESCRIBED = 10;

  private final Instant receivedAt;
  private final List<IncomingMessage> messages = new ArrayList<>();
  private final List<IncomingReceipt> receipts = new ArrayList<>();
  private final List<String> firstSkipped = new ArrayList<>();
  private int skipped;

  private WhatsAppEvents(Instant receivedAt) {
    this.receivedAt = receivedAt;
  }

  /**
   * @param receivedAt stands in for a missing or unreadable timestamp
   * @throws MalformedWebhook when the body is not JSON, or not an object of a WhatsApp Business
   *     Account; anything inside such an object that cannot be used is skipped instead
   */
  public static WhatsAppDelivery parse(byte[] body, Instant receivedAt) {
    JsonObject root = readObject(body);
    if (!(root.get("object") instanceof JsonString object
        && BUSINESS_ACCOUNT.equals(object.getString()))) {
      throw new MalformedWebhook("the body is not a WhatsApp Business Account webhook", null);
    }
    WhatsAppEvents events = new WhatsAppEvents(receivedAt);
    events.eachObject(root, "entry", "", events::readEntry);
    return new WhatsAppDelivery(
        new IncomingBatch(events.messages, events.receipts), events.skipped, events.firstSkipped);
  }

  private static JsonObject readObject(byte[] body) {
    JsonValue value;
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      value = reader.readValue();
    } catch (RuntimeException e) {
      // JsonException for broken JSON; Parsson's limits (nesting deeper than 1000, numbers longer
      // than 1100 characters) throw plain RuntimeException and UnsupportedOperationException.
      throw new MalformedWebhook("the body is not valid JSON, or exceeds the parser's limits", e);
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new MalformedWebhook("the body must be a JSON object", null);
    }
    return value.asJsonObject();
  }

  private void readEntry(JsonObject entry, int e) {
    String at = "entry[" + e + "]";
    eachObject(
        entry, "changes", at + ".", (change, c) -> readChange(change, at + ".changes[" + c + "]"));
  }

  private void readChange(JsonObject change, String at) {
    String field = string(change, "field");
    if (field == null) {
      skip(at, null, "no field");
      return;
    }
    if (!"messages".equals(field)) {
      return; // account, template and quality updates: not ours to store yet
    }
    JsonObject value = object(change, "value");
    if (value == null) {
      skip(at, null, "value is not an object");
      return;
    }
    JsonObject metadata = object(value, "metadata");
    String phoneNumberId = metadata == null ? null : text(metadata, "phone_number_id");
    List<JsonObject> contacts = objects(value, "contacts");
    String v = at + ".value.";
    eachObject(
        value,
        "messages",
        v,
        (m, i) -> readMessage(m, v + "messages[" + i + "]", phoneNumberId, contacts));
    eachObject(value, "statuses", v, (s, i) -> readStatus(s, v + "statuses[" + i + "]"));
  }

  private void readMessage(
      JsonObject m, String at, String phoneNumberId, List<JsonObject> contacts) {
    String type = string(m, "type");
    if (type != null && NOT_ADDRESSED_TO_BOT.contains(type)) {
      return;
    }
    String id = id(m);
    if (id == null) {
      skip(at, null, "no usable id");
      return;
    }
    if (phoneNumberId == null) {
      skip(at, id, "no phone_number_id");
      return;
    }
    String from = text(m, "from");
    JsonObject contact = contactOf(contacts, from);
    if (from == null && contact != null) {
      // Since 2026 a user with a username may arrive without a phone number, with a
      // business-scoped user id instead (reference A.3.6).
      from = firstNonNull(text(contact, "wa_id"), text(contact, "user_id"));
    }
    if (from == null) {
      skip(at, id, "no sender");
      return;
    }
    JsonObject profile = contact == null ? null : object(contact, "profile");
    String name = profile == null ? null : string(profile, "name");
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
        kind = InboundKind.CHOICE;
        choice = picked == null ? null : text(picked, "id");
        text = picked == null ? null : string(picked, "title");
      }
      case "button" -> {
        // A quick-reply button of a template message.
        JsonObject button = object(m, "button");
        kind = InboundKind.CHOICE;
        choice = button == null ? null : text(button, "payload");
        text = button == null ? null : string(button, "text");
      }
      default -> kind = MEDIA.contains(t) ? InboundKind.MEDIA : InboundKind.UNSUPPORTED;
    }
    if (kind == InboundKind.CHOICE && choice == null) {
      kind = InboundKind.UNSUPPORTED; // a choice we cannot name is answered like one we do not know
      text = null;
    }
    if (kind == InboundKind.TEXT && (text == null || text.isBlank())) {
      kind = InboundKind.UNSUPPORTED;
    }
    messages.add(
        new IncomingMessage(
            ChannelType.WHATSAPP, id, phoneNumberId, from, name, kind, text, choice, timestamp(m)));
  }

  /** A receipt is matched by the message id alone: a missing recipient_id does not matter. */
  private void readStatus(JsonObject s, String at) {
    String id = id(s);
    if (id == null) {
      skip(at, null, "no usable id");
      return;
    }
    String name = string(s, "status");
    if (name == null) {
      skip(at, id, "no status");
      return;
    }
    DeliveryStatus status =
        switch (name.toLowerCase(Locale.ROOT)) {
          case "sent" -> DeliveryStatus.SENT;
          case "delivered" -> DeliveryStatus.DELIVERED;
          case "read", "played" -> DeliveryStatus.READ;
          case "failed" -> DeliveryStatus.FAILED;
          default -> null; // deleted, warning: nothing to move
        };
    if (status == null) {
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
      detail = GraphErrors.inPlainWords(code, detail);
    }
    receipts.add(
        new IncomingReceipt(
            ChannelType.WHATSAPP,
            id,
            status,
            timestamp(s),
            string(s, "biz_opaque_callback_data"),
            code,
            detail));
  }

  /**
   * Meta's timestamp, or the arrival time when it is missing, unreadable or impossible: one before
   * 1970 or far in the future is not Meta's, and no database column takes every Instant.
   */
  private Instant timestamp(JsonObject o) {
    JsonValue v = o.get("timestamp");
    Instant at = null;
    try {
      if (v instanceof JsonString s) {
        at = Instant.ofEpochSecond(Long.parseLong(s.getString().strip()));
      } else if (v instanceof jakarta.json.JsonNumber n) {
        at = Instant.ofEpochSecond(n.longValueExact());
      }
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      // fall through: Meta always sends one; a broken one should not lose the message
    }
    if (at == null || at.isBefore(Instant.EPOCH) || at.isAfter(receivedAt.plus(CLOCK_SKEW))) {
      return receivedAt;
    }
    return at;
  }

  /**
   * Hands each object of an array of entries to {@code read} with its index; an array of the wrong
   * type, or an item that is not an object, is skipped and counted.
   */
  private void eachObject(
      JsonObject parent, String key, String where, ObjIntConsumer<JsonObject> read) {
    JsonValue v = parent.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      skip(where + key, null, "not an array");
      return;
    }
    JsonArray array = (JsonArray) v;
    for (int i = 0; i < array.size(); i++) {
      JsonValue item = array.get(i);
      if (item.getValueType() == JsonValue.ValueType.OBJECT) {
        read.accept(item.asJsonObject(), i);
      } else {
        skip(where + key + "[" + i + "]", null, "not an object");
      }
    }
  }

  private void skip(String where, String id, String why) {
    skipped++;
    if (firstSkipped.size() < DESCRIBED) {
      // The id comes from the body: no line breaks of its own into our log.
      String named = id == null ? "" : " " + id.replaceAll("\\p{Cntrl}", "?");
      firstSkipped.add(where + named + ": " + why);
    }
  }

  /** The sender's contact; without a sender, only a lone contact can be theirs. */
  private static JsonObject contactOf(List<JsonObject> contacts, String from) {
    if (from != null) {
      for (JsonObject c : contacts) {
        if (from.equals(string(c, "wa_id"))) {
          return c;
        }
      }
    }
    return contacts.size() == 1 ? contacts.get(0) : null;
  }

  /** A message or status id we can store whole, or null. */
  private static String id(JsonObject o) {
    String id = text(o, "id");
    return id == null || id.length() > IncomingMessage.MAX_ID_LENGTH ? null : id;
  }

  /** The objects of an optional array (contacts, errors); of the wrong type it counts as absent. */
  static List<JsonObject> objects(JsonObject parent, String key) {
    JsonValue v = parent.get(key);
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      return List.of();
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
      String value = s.getString();
      // PostgreSQL text cannot hold U+0000: one would fail the commit of the whole delivery, and
      // Meta would deliver it again for days.
      return value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }
    if (v instanceof jakarta.json.JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  /** A string that says something: null when missing, of the wrong type, empty or blank. */
  private static String text(JsonObject parent, String key) {
    String value = string(parent, key);
    return value == null || value.isBlank() ? null : value;
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
