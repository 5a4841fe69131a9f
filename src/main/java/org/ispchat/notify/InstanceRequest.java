package org.ispchat.notify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Clip;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.SendWindow;
import org.ispchat.platform.ApiFailure;

/**
 * An admin's instance, as a deploy script sends it to {@code /api/v1/admin/instances}, checked
 * field by field: every refusal is a 400 naming the field. A field left out is {@code null} here
 * (keep, or the default); one sent as JSON {@code null} is {@link #CLEARED} where clearing means
 * something (waba_id, access_token).
 *
 * @param provider {@code WHATSAPP} for {@code "cloud_api"}, {@code EVOLUTION} for {@code
 *     "evolution"}
 * @param number the Cloud API phone number id, or the Evolution instance name
 * @param credential the Cloud API access token or the Evolution {@code apikey}
 */
public record InstanceRequest(
    String instanceId,
    String name,
    ChannelType provider,
    String number,
    String apiUrl,
    String credential,
    String webhookSecret,
    String wabaId,
    String timeZone,
    String sendWindow,
    String language) {

  /** A field sent as null, to clear what it held. */
  public static final String CLEARED = "";

  static final int SECRET_MIN_LENGTH = 16;
  static final int NUMBER_LENGTH = 64;

  /** Characters that would change an Evolution URL's path, or a log line. */
  private static final Pattern INSTANCE_NAME = Pattern.compile("[^/\\\\?#%\\p{Cntrl}]+");

  private static final Map<String, ChannelType> PROVIDERS =
      Map.of("cloud_api", ChannelType.WHATSAPP, "evolution", ChannelType.EVOLUTION);

  /** What the API answers with; a script that sends an answer back is not refused for them. */
  private static final Set<String> READ_ONLY =
      Set.of(
          "connection",
          "connection_changed_at",
          "has_credential",
          "has_webhook_secret",
          "created_at",
          "updated_at",
          "endpoint_url",
          "webhook_url",
          "source",
          "read_only");

  private static final Set<String> FIELDS =
      Set.of(
          "instance_id",
          "name",
          "provider",
          "phone_number_id",
          "evolution_instance",
          "api_url",
          "access_token",
          "api_key",
          "webhook_secret",
          "waba_id",
          "time_zone",
          "send_window",
          "language");

  public static String wire(ChannelType provider) {
    return provider == ChannelType.EVOLUTION ? "evolution" : "cloud_api";
  }

  /** A new instance: name, provider and its number are required, and an Evolution server. */
  public static InstanceRequest toCreate(JsonValue body) {
    JsonObject o = object(body);
    ChannelType provider =
        Optional.ofNullable(provider(o))
            .orElseThrow(() -> bad("provider is required: cloud_api or evolution."));
    InstanceRequest r = read(o, provider);
    if (r.instanceId() != null) {
      try {
        MessagingInstance.requireId(r.instanceId());
      } catch (IllegalArgumentException e) {
        throw bad(e.getMessage() + ".");
      }
    }
    if (r.name() == null) {
      throw bad("name is required: how admins and the console call this sender.");
    }
    if (r.number() == null) {
      throw bad(
          provider == ChannelType.EVOLUTION
              ? "evolution_instance is required: the instance's name on the Evolution server."
              : "phone_number_id is required: the number's id in Meta's WhatsApp Manager.");
    }
    if (provider == ChannelType.EVOLUTION) {
      if (r.apiUrl() == null) {
        throw bad("api_url is required: the Evolution server's base URL.");
      }
      if (r.credential() == null) {
        throw bad("api_key is required: the Evolution server's or the instance's apikey.");
      }
    }
    return r;
  }

  /**
   * Changes to an instance of this provider: fields it cannot change (its id, provider, number) are
   * refused unless they repeat what it has.
   */
  public static InstanceRequest toChange(JsonValue body, MessagingInstance current) {
    JsonObject o = object(body);
    ChannelType provider = provider(o);
    if (provider != null && provider != current.channel()) {
      throw bad("provider cannot be changed; create a new instance instead.");
    }
    InstanceRequest r = read(o, current.channel());
    if (r.instanceId() != null && !r.instanceId().equals(current.instanceId())) {
      throw bad("instance_id cannot be changed; create a new instance instead.");
    }
    if (r.number() != null && !r.number().equals(current.businessNumber())) {
      throw bad(
          numberField(current.channel())
              + " cannot be changed; create a new instance (and delete this one) instead.");
    }
    return r;
  }

  static String numberField(ChannelType provider) {
    return provider == ChannelType.EVOLUTION ? "evolution_instance" : "phone_number_id";
  }

  private static InstanceRequest read(JsonObject o, ChannelType provider) {
    for (String field : o.keySet()) {
      if (!FIELDS.contains(field) && !READ_ONLY.contains(field)) {
        throw bad("unknown field '" + clip(field) + "'.");
      }
    }
    boolean evolution = provider == ChannelType.EVOLUTION;
    String theirs = evolution ? "a Cloud API instance" : "an Evolution instance";
    for (String field :
        evolution
            ? new String[] {"phone_number_id", "access_token"}
            : new String[] {"evolution_instance", "api_key", "api_url", "webhook_secret"}) {
      if (o.containsKey(field)) {
        throw bad(field + " belongs to " + theirs + ", not to provider " + wire(provider) + ".");
      }
    }
    String number = string(o, numberField(provider), false);
    if (number != null && number.length() > NUMBER_LENGTH) {
      throw bad(numberField(provider) + " is at most " + NUMBER_LENGTH + " characters.");
    }
    if (evolution && number != null && !INSTANCE_NAME.matcher(number).matches()) {
      throw bad(
          "evolution_instance must not contain '/', '\\', '?', '#', '%' or control characters.");
    }
    String apiUrl = evolution ? url(string(o, "api_url", false)) : null;
    String secret = evolution ? string(o, "webhook_secret", false) : null;
    if (secret != null && !secret.isEmpty() && secret.length() < SECRET_MIN_LENGTH) {
      throw bad(
          "webhook_secret is too short: at least "
              + SECRET_MIN_LENGTH
              + " characters (or leave it out and one is made).");
    }
    String timeZone = string(o, "time_zone", false);
    if (timeZone != null) {
      try {
        SendWindow.zone(timeZone);
      } catch (IllegalArgumentException e) {
        throw bad("time_zone: " + e.getMessage() + ".");
      }
    }
    String window = string(o, "send_window", false);
    if (window != null) {
      try {
        SendWindow.parse(window);
      } catch (IllegalArgumentException e) {
        throw bad("send_window: " + e.getMessage() + ".");
      }
    }
    String language = string(o, "language", false);
    if (language != null && !Set.of("en", "ar").contains(language.toLowerCase(Locale.ROOT))) {
      throw bad("language is en or ar.");
    }
    String credentialField = evolution ? "api_key" : "access_token";
    return new InstanceRequest(
        string(o, "instance_id", false),
        limit("name", string(o, "name", false), 200),
        provider,
        number,
        limit("api_url", apiUrl, 500),
        limit(credentialField, string(o, credentialField, !evolution), 1000),
        limit("webhook_secret", secret, 200),
        limit("waba_id", string(o, "waba_id", true), 64),
        timeZone,
        window,
        language);
  }

  /** The column's size: a longer value would fail in the database, not here. */
  private static String limit(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw bad(field + " is at most " + max + " characters.");
    }
    return value;
  }

  private static JsonObject object(JsonValue body) {
    if (!(body instanceof JsonObject o)) {
      throw bad(
          "The body must be a JSON object (see docs/operations.md, admin API for instances).");
    }
    return o;
  }

  private static ChannelType provider(JsonObject o) {
    String wire = string(o, "provider", false);
    if (wire == null) {
      return null;
    }
    ChannelType provider = PROVIDERS.get(wire.toLowerCase(Locale.ROOT));
    if (provider == null) {
      throw bad("provider must be cloud_api or evolution, not '" + clip(wire) + "'.");
    }
    return provider;
  }

  /**
   * A string field, stripped; null when left out. Sent as JSON null it is {@link #CLEARED} where
   * {@code clearable}, else refused.
   */
  private static String string(JsonObject o, String field, boolean clearable) {
    JsonValue v = o.get(field);
    if (v == null) {
      return null;
    }
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      if (clearable) {
        return CLEARED;
      }
      throw bad(field + " must be a string, not null.");
    }
    if (!(v instanceof JsonString s)) {
      throw bad(field + " must be a string.");
    }
    String value = s.getString().strip();
    if (value.isEmpty() && !clearable) {
      throw bad(field + " must not be empty.");
    }
    return value;
  }

  private static String url(String value) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw bad("api_url must be an http or https URL, such as https://evo.example.net.");
      }
      if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
        throw bad("api_url must be the server's base URL, without query, fragment or user name.");
      }
      return value;
    } catch (URISyntaxException e) {
      throw bad("api_url is not a URL: " + clip(value) + ".");
    }
  }

  // Echoed input is shortened, so a huge value does not come back in full.
  private static String clip(String text) {
    return Clip.withEllipsis(text, 80);
  }

  private static ApiFailure bad(String detail) {
    return new ApiFailure(400, detail);
  }
}
