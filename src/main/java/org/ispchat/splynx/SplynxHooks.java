package org.ispchat.splynx;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ispchat.platform.ApiFailure;

/**
 * What Splynx's webhook hook does behind its door (reference §6): check {@code X-Splynx-Signature},
 * the hex HMAC-SHA1 of the raw body keyed with {@code splynx.hook-secret}; read the body, JSON or
 * form-encoded; answer a {@code ping}; and for an {@code event} about a support ticket, fire {@link
 * TicketActivity}. Other events are acknowledged and ignored for now.
 */
@ApplicationScoped
public class SplynxHooks {

  private static final Logger LOG = Logger.getLogger(SplynxHooks.class.getName());

  @Inject SplynxHookSettings settings;
  @Inject Event<TicketActivity> ticketActivity;

  private final AtomicLong rejectedSignatures = new AtomicLong();
  private SecretKeySpec key;

  /** One delivery, as far as ispchat reads it. */
  public record Hook(String type, String model, String action, Map<String, String> attributes) {
    public boolean ping() {
      return "ping".equals(type);
    }
  }

  @PostConstruct
  void readSecret() {
    key = settings.secret().map(SplynxHooks::key).orElse(null);
  }

  /**
   * Verifies and handles one delivery; observers of {@link TicketActivity} run before it returns.
   *
   * @throws ApiFailure 403 while no secret is configured, 401 for a missing or wrong signature, 400
   *     for a body that is not a hook: nothing was done
   */
  public Hook receive(byte[] body, String contentType, String signature) {
    if (key == null) {
      throw new ApiFailure(403, "Splynx hooks are not configured");
    }
    if (signature == null || signature.isBlank()) {
      throw rejected("X-Splynx-Signature is missing");
    }
    if (!signatureMatches(key, body, signature)) {
      throw rejected("X-Splynx-Signature does not match the body");
    }
    Hook hook = parse(body, contentType);
    if (hook.ping()) {
      LOG.info("Splynx hook ping answered");
      return hook;
    }
    Optional<String> ticket = ticketId(hook);
    if (ticket.isPresent()) {
      LOG.log(
          Level.INFO,
          "Splynx hook: ticket {0} changed ({1} {2})",
          new Object[] {ticket.get(), hook.model(), hook.action()});
      ticketActivity.fire(new TicketActivity(ticket.get()));
    } else {
      LOG.log(
          Level.FINE,
          "Splynx hook {0} {1} {2} acknowledged, not used",
          new Object[] {hook.type(), hook.model(), hook.action()});
    }
    return hook;
  }

  public long rejectedSignatures() {
    return rejectedSignatures.get();
  }

  private ApiFailure rejected(String why) {
    long n = rejectedSignatures.incrementAndGet();
    // Never the secret, never the body: only why, and how often so far.
    LOG.log(
        Level.WARNING,
        "Rejected a Splynx hook: {0} ({1} rejected since start)",
        new Object[] {why, n});
    return new ApiFailure(401, why + ".");
  }

  static SecretKeySpec key(String secret) {
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
  }

  /** Compared in constant time over the bytes as received. */
  static boolean signatureMatches(SecretKeySpec key, byte[] body, String header) {
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(header.strip());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(key, body), claimed);
  }

  /** The header value Splynx sends for this body. */
  static String sign(String secret, byte[] body) {
    return HexFormat.of().formatHex(hmac(key(secret), body));
  }

  private static byte[] hmac(SecretKeySpec key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }

  /**
   * Splynx's body: {@code {"type": "ping"|"event", "data": {"model", "action", "attributes", ...}}}
   * as JSON, or the same form-encoded. The form variant is read both ways it may come: PHP brackets
   * ({@code data[attributes][id]=7}) or {@code data} holding the JSON text.
   */
  static Hook parse(byte[] body, String contentType) {
    String text = new String(body, StandardCharsets.UTF_8);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    Map<String, Object> fields;
    try {
      fields = type.startsWith("application/x-www-form-urlencoded") ? form(text) : json(text);
    } catch (IllegalArgumentException badEscape) {
      throw new ApiFailure(400, "Not a Splynx hook: the form cannot be decoded.");
    }
    if (fields.get("data") instanceof String data && data.strip().startsWith("{")) {
      fields.put("data", json(data));
    }
    if (!(fields.get("type") instanceof String hookType) || hookType.isBlank()) {
      throw new ApiFailure(400, "Not a Splynx hook: no type.");
    }
    Map<String, Object> data = map(fields.get("data"));
    Map<String, String> attributes = new LinkedHashMap<>();
    map(data.get("attributes"))
        .forEach(
            (k, v) -> {
              if (v instanceof String s) {
                attributes.put(k, s);
              }
            });
    return new Hook(hookType, text(data.get("model")), text(data.get("action")), attributes);
  }

  /**
   * The ticket an event concerns, if any. Unsure per the reference (§6, §9.4): the model names of
   * tickets and ticket messages were not seen on a real instance, so any model whose last part
   * contains {@code Ticket} counts (e.g. {@code models\common\support\Tickets}, {@code
   * ...\TicketsMessages}). A message carries {@code ticket_id}; a ticket is its own {@code id}.
   * This is the one place that maps Splynx's models to ispchat's events.
   */
  static Optional<String> ticketId(Hook hook) {
    if (!"event".equals(hook.type()) || hook.model() == null) {
      return Optional.empty();
    }
    String model = hook.model().substring(hook.model().lastIndexOf('\\') + 1);
    if (!model.contains("Ticket")) {
      return Optional.empty();
    }
    String ticketId = hook.attributes().get("ticket_id");
    if (ticketId == null && !model.contains("Message")) {
      ticketId = hook.attributes().get("id");
    }
    return Optional.ofNullable(ticketId).map(String::strip).filter(id -> !id.isEmpty());
  }

  private static Map<String, Object> json(String text) {
    JsonObject object;
    try (var reader = JSON.createReader(new StringReader(text))) {
      object = reader.readObject();
    } catch (JsonException | ClassCastException | IllegalStateException e) {
      throw new ApiFailure(400, "Not a Splynx hook: the body is neither JSON nor a form.");
    }
    return plain(object);
  }

  private static Map<String, Object> plain(JsonObject object) {
    Map<String, Object> out = new LinkedHashMap<>();
    object.forEach((k, v) -> out.put(k, plain(v)));
    return out;
  }

  private static Object plain(JsonValue v) {
    return switch (v.getValueType()) {
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> ((JsonNumber) v).bigDecimalValue().toPlainString();
      case OBJECT -> plain(v.asJsonObject());
      case TRUE -> "1";
      case FALSE -> "0";
      default -> null;
    };
  }

  /** {@code a=1&data[attributes][id]=7} → nested maps, as PHP's {@code $_POST} reads it. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> form(String text) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      String[] path = name.replace("]", "").split("\\[");
      Map<String, Object> node = root;
      for (int i = 0; i < path.length - 1; i++) {
        Object child = node.get(path[i]);
        if (!(child instanceof Map)) {
          child = new LinkedHashMap<String, Object>();
          node.put(path[i], child);
        }
        node = (Map<String, Object>) child;
      }
      node.put(path[path.length - 1], value);
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v) {
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  private static String text(Object v) {
    return v instanceof String s ? s : null;
  }
}
