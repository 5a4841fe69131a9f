package org.ispchat.chat.evolution;

import static org.ispchat.chat.evolution.EvolutionJson.isFalse;
import static org.ispchat.chat.evolution.EvolutionJson.isTrue;
import static org.ispchat.chat.evolution.EvolutionJson.object;
import static org.ispchat.chat.evolution.EvolutionJson.text;
import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonNumber;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.DeliveryStatus;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.IncomingBatch;
import org.ispchat.chat.IncomingMessage;
import org.ispchat.chat.IncomingReceipt;
import org.ispchat.chat.MessagingInstance.Connection;

/**
 * Reads an Evolution API v2 webhook envelope ({@code {event, instance, data, date_time, sender,
 * server_url, apikey}}) into neutral messages, receipts and a session state. Three events matter:
 * {@code messages.upsert} (a message in any chat: only people writing to us are kept, not our own
 * messages, groups, status posts or channels), {@code messages.update} (acks of what we sent) and
 * {@code connection.update}; every other event is read as empty. An entry that cannot be used is
 * skipped and counted, never its neighbours.
 *
 * <p>Field names follow Evolution's {@code whatsapp.baileys.service.ts} ({@code prepareMessage},
 * the {@code messages.update} handler, {@code connectionUpdate}) as of v2.3.
 */
public final class EvolutionEvents {

  static final String UPSERT = "messages.upsert";
  static final String UPDATE = "messages.update";
  static final String CONNECTION = "connection.update";

  private static final Set<String> MEDIA =
      Set.of(
          "imageMessage",
          "videoMessage",
          "ptvMessage",
          "audioMessage",
          "documentMessage",
          "documentWithCaptionMessage",
          "stickerMessage",
          "locationMessage",
          "liveLocationMessage",
          "contactMessage",
          "contactsArrayMessage");

  /** Reactions, edits, deletions, poll votes and protocol noise: nothing to answer. */
  private static final Set<String> NOT_ADDRESSED_TO_BOT =
      Set.of(
          "reactionMessage",
          "protocolMessage",
          "editedMessage",
          "pollUpdateMessage",
          "senderKeyDistributionMessage",
          "messageContextInfo");

  /** Wrappers Baileys may leave around the content (disappearing and view-once messages). */
  private static final List<String> WRAPPERS =
      List.of("ephemeralMessage", "viewOnceMessage", "viewOnceMessageV2");

  /** Evolution's status names, and the numbers of Baileys' ack levels they stand for. */
  private static final List<String> ACKS =
      List.of("ERROR", "PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED");

  private static final Pattern DIGITS = Pattern.compile("[0-9]{5,20}");
  private static final Duration CLOCK_SKEW = Duration.ofDays(1);
  private static final int DESCRIBED = 10;

  private final String instance;
  private final Instant receivedAt;
  private final List<IncomingMessage> messages = new ArrayList<>();
  private final List<IncomingReceipt> receipts = new ArrayList<>();
  private final List<String> firstSkipped = new ArrayList<>();
  private int skipped;

  private EvolutionEvents(String instance, Instant receivedAt) {
    this.instance = instance;
    this.receivedAt = receivedAt;
  }

  /**
   * @param receivedAt stands in for a missing or impossible message time, and is the time of every
   *     receipt (Evolution's {@code date_time} is the server's local time marked as UTC)
   * @throws UnreadableEvent when the body is not JSON, or not an envelope with an event and an
   *     instance
   */
  public static EvolutionDelivery parse(byte[] body, Instant receivedAt) {
    JsonObject root = readObject(body);
    String event = text(root, "event");
    String instance = text(root, "instance");
    if (event == null || instance == null) {
      throw new UnreadableEvent("the body is not an Evolution webhook: no event or instance", null);
    }
    // Inside the body Evolution writes "messages.upsert"; its configuration says MESSAGES_UPSERT.
    event = event.strip().toLowerCase(Locale.ROOT).replace('_', '.');
    EvolutionEvents events = new EvolutionEvents(instance.strip(), receivedAt);
    Optional<Connection> connection = Optional.empty();
    switch (event) {
      case UPSERT -> events.eachData(root, events::readMessage);
      case UPDATE -> events.eachData(root, events::readAck);
      case CONNECTION -> {
        JsonObject data = object(root, "data");
        connection = Optional.ofNullable(data == null ? null : state(text(data, "state")));
        if (connection.isEmpty()) {
          events.skip("data", null, "no known state");
        }
      }
      default -> {
        // qrcode.updated, contacts.*, chats.*, presence.update, send.message...: not ours
      }
    }
    return new EvolutionDelivery(
        event,
        events.instance,
        new IncomingBatch(events.messages, events.receipts),
        connection,
        events.skipped,
        events.firstSkipped);
  }

  /** Evolution's session state; {@code refused} (QR attempts used up) is a closed session. */
  public static Connection state(String state) {
    if (state == null) {
      return null;
    }
    return switch (state.strip().toLowerCase(Locale.ROOT)) {
      case "open" -> Connection.OPEN;
      case "connecting" -> Connection.CONNECTING;
      case "close", "closed", "refused" -> Connection.CLOSE;
      default -> null;
    };
  }

  private static JsonObject readObject(byte[] body) {
    JsonValue value;
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      value = reader.readValue();
    } catch (RuntimeException e) {
      throw new UnreadableEvent("the body is not valid JSON, or exceeds the parser's limits", e);
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new UnreadableEvent("the body must be a JSON object", null);
    }
    return value.asJsonObject();
  }

  /** {@code data} is one object per event in v2; an array of them is read too. */
  private void eachData(JsonObject root, java.util.function.BiConsumer<JsonObject, String> read) {
    JsonValue data = root.get("data");
    if (data instanceof JsonObject o) {
      read.accept(o, "data");
    } else if (data != null && data.getValueType() == JsonValue.ValueType.ARRAY) {
      var array = data.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof JsonObject o) {
          read.accept(o, "data[" + i + "]");
        } else {
          skip("data[" + i + "]", null, "not an object");
        }
      }
    } else {
      skip("data", null, "not an object");
    }
  }

  private void readMessage(JsonObject m, String at) {
    JsonObject key = object(m, "key");
    String id = key == null ? null : text(key, "id");
    if (id == null || id.length() > IncomingMessage.MAX_ID_LENGTH) {
      skip(at, null, "no usable key.id");
      return;
    }
    if (isTrue(key, "fromMe")) {
      return; // typed on the instance's phone, or sent by us: not a customer writing
    }
    String jid = text(key, "remoteJid");
    if (jid == null) {
      skip(at, id, "no remoteJid");
      return;
    }
    if (!isPerson(jid)) {
      return; // a group, a status post, a channel
    }
    if (jid.endsWith("@lid")) {
      // WhatsApp's privacy addressing: the phone number comes as remoteJidAlt (Baileys 7,
      // Evolution 2.3); older Baileys called it senderPn.
      jid = firstNonNull(text(key, "remoteJidAlt"), text(key, "senderPn"));
      if (jid == null || jid.endsWith("@lid")) {
        skip(at, id, "an @lid sender without its phone number");
        return;
      }
    }
    String sender = digits(jid);
    if (sender == null) {
      skip(at, id, "remoteJid is not a phone number");
      return;
    }
    JsonObject content = unwrap(object(m, "message"));
    String type = text(m, "messageType");
    String text = content == null ? null : said(content);
    InboundKind kind;
    if (text != null) {
      kind = InboundKind.TEXT;
    } else if (isOneOf(NOT_ADDRESSED_TO_BOT, type, content)) {
      return;
    } else if (isOneOf(MEDIA, type, content)) {
      kind = InboundKind.MEDIA;
    } else {
      kind = InboundKind.UNSUPPORTED;
    }
    messages.add(
        new IncomingMessage(
            ChannelType.EVOLUTION,
            id,
            instance,
            sender,
            text(m, "pushName"),
            kind,
            text,
            null,
            timestamp(m.get("messageTimestamp"))));
  }

  private void readAck(JsonObject u, String at) {
    // keyId is WhatsApp's message id, the key.id sendText returned; messageId is Evolution's own
    // database row id and must not be used.
    JsonObject key = object(u, "key");
    String id = firstNonNull(text(u, "keyId"), key == null ? null : text(key, "id"));
    if (id == null || id.length() > IncomingMessage.MAX_ID_LENGTH) {
      skip(at, null, "no usable keyId");
      return;
    }
    boolean incoming = isFalse(u, "fromMe") || key != null && isFalse(key, "fromMe");
    if (incoming) {
      return; // an ack of a message the customer sent (we read it): nothing of ours moves
    }
    String ack = ack(u.get("status"));
    if (ack == null) {
      skip(at, id, "no status");
      return;
    }
    DeliveryStatus status =
        switch (ack) {
          case "SERVER_ACK" -> DeliveryStatus.SENT;
          case "DELIVERY_ACK" -> DeliveryStatus.DELIVERED;
          case "READ", "PLAYED" -> DeliveryStatus.READ;
          case "ERROR" -> DeliveryStatus.FAILED;
          default -> null; // PENDING, DELETED: nothing to move
        };
    if (status != null) {
      receipts.add(
          new IncomingReceipt(
              ChannelType.EVOLUTION,
              id,
              status,
              receivedAt,
              null,
              status == DeliveryStatus.FAILED ? "ERROR" : null,
              status == DeliveryStatus.FAILED ? "Evolution reported the message as failed" : null));
    }
  }

  /** Evolution writes the ack by name; Baileys' raw number (0-5) is read too. */
  private static String ack(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString().strip().toUpperCase(Locale.ROOT);
    }
    if (v instanceof JsonNumber n && n.isIntegral() && n.intValue() >= 0 && n.intValue() < 6) {
      return ACKS.get(n.intValue());
    }
    return null;
  }

  /** By {@code messageType}, or where that is missing, by the content's one key. */
  private static boolean isOneOf(Set<String> types, String type, JsonObject content) {
    return type != null
        ? types.contains(type)
        : content != null && types.stream().anyMatch(content::containsKey);
  }

  private static boolean isPerson(String jid) {
    return !(jid.endsWith("@g.us")
        || jid.endsWith("@broadcast")
        || jid.endsWith("@newsletter")
        || jid.endsWith("@call"));
  }

  /** {@code 218912345678@s.whatsapp.net} or {@code 218912345678:12@s.whatsapp.net} → digits. */
  static String digits(String jid) {
    int at = jid.indexOf('@');
    String user = at < 0 ? jid : jid.substring(0, at);
    int device = user.indexOf(':');
    user = device < 0 ? user : user.substring(0, device);
    String domain = at < 0 ? "" : jid.substring(at + 1);
    boolean phone = domain.isEmpty() || domain.equals("s.whatsapp.net") || domain.equals("c.us");
    return phone && DIGITS.matcher(user).matches() ? user : null;
  }

  private static JsonObject unwrap(JsonObject content) {
    if (content == null) {
      return null;
    }
    for (String wrapper : WRAPPERS) {
      JsonObject outer = object(content, wrapper);
      JsonObject inner = outer == null ? null : object(outer, "message");
      if (inner != null) {
        return inner;
      }
    }
    return content;
  }

  /**
   * Typed text: v2 moves {@code extendedTextMessage.text} into {@code conversation}; v1 did not.
   */
  private static String said(JsonObject content) {
    String text = text(content, "conversation");
    if (text == null) {
      JsonObject extended = object(content, "extendedTextMessage");
      text = extended == null ? null : text(extended, "text");
    }
    return text;
  }

  /** Unix seconds as a number, a string, or Baileys' Long {@code {low, high}}; else the arrival. */
  private Instant timestamp(JsonValue v) {
    Instant at = null;
    try {
      if (v instanceof JsonNumber n) {
        at = Instant.ofEpochSecond(n.longValueExact());
      } else if (v instanceof JsonString s) {
        at = Instant.ofEpochSecond(Long.parseLong(s.getString().strip()));
      } else if (v instanceof JsonObject o
          && o.get("low") instanceof JsonNumber low
          && o.get("high") instanceof JsonNumber high) {
        at = Instant.ofEpochSecond(((long) high.intValue() << 32) | (low.intValue() & 0xFFFFFFFFL));
      }
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      // fall through: a broken timestamp should not lose the message
    }
    if (at == null || at.isBefore(Instant.EPOCH) || at.isAfter(receivedAt.plus(CLOCK_SKEW))) {
      return receivedAt;
    }
    return at;
  }

  private void skip(String where, String id, String why) {
    skipped++;
    if (firstSkipped.size() < DESCRIBED) {
      String named = id == null ? "" : " " + id.replaceAll("\\p{Cntrl}", "?");
      firstSkipped.add(where + named + ": " + why);
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
