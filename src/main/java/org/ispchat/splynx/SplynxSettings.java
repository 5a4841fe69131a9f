package org.ispchat.splynx;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which Splynx ispchat talks to and how. {@code url} empty means the sandbox. {@code timeZone} is
 * Splynx's own (its dates and times are local), by default this server's. The API secret is never
 * logged; {@link #toString()} masks it and the key.
 */
public record SplynxSettings(
    Optional<URI> apiUrl,
    Optional<String> apiKey,
    Optional<String> apiSecret,
    Auth auth,
    Duration connectTimeout,
    Duration readTimeout,
    Optional<String> ticketTypeId,
    Optional<String> ticketGroupId,
    String ticketPriority,
    String userAgent,
    String phoneRegion,
    ZoneId timeZone) {

  /** How each request proves it comes from ispchat's API key. */
  public enum Auth {
    /** A fresh HMAC signature with an increasing nonce on every request. */
    SIGNATURE,
    /** An access token obtained with the key, shared by all threads and renewed before expiry. */
    TOKEN,
    /** HTTP Basic with key and secret; needs "Unsecure access" on the key. */
    BASIC;

    static Auth parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "splynx.auth must be signature, token or basic, not " + text, e);
      }
    }
  }

  public static final String API_PATH = "/api/2.0/";

  public static SplynxSettings from(Config config) {
    return new SplynxSettings(
        nonBlank(config, "splynx.url").map(SplynxSettings::apiUrl),
        nonBlank(config, "splynx.api-key"),
        nonBlank(config, "splynx.api-secret"),
        Auth.parse(nonBlank(config, "splynx.auth").orElse("signature")),
        Duration.parse(nonBlank(config, "splynx.connect-timeout").orElse("PT2S")),
        Duration.parse(nonBlank(config, "splynx.read-timeout").orElse("PT3S")),
        nonBlank(config, "splynx.ticket.type-id"),
        nonBlank(config, "splynx.ticket.group-id"),
        nonBlank(config, "splynx.ticket.priority").orElse("medium"),
        nonBlank(config, "splynx.user-agent").orElse("ispchat/1"),
        nonBlank(config, "ispchat.phone-region").orElse("LY").toUpperCase(Locale.ROOT),
        nonBlank(config, "splynx.time-zone").map(ZoneId::of).orElse(ZoneId.systemDefault()));
  }

  /** The API root for a Splynx address as an admin types it, with or without {@code /api/2.0}. */
  static URI apiUrl(String typed) {
    String url = typed.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    if (url.endsWith("/api/2.0")) {
      url = url.substring(0, url.length() - "/api/2.0".length());
    }
    return URI.create(url + API_PATH);
  }

  /** True when no Splynx is configured and the demo data answers instead. */
  public boolean sandbox() {
    return apiUrl.isEmpty();
  }

  /** The settings a live Splynx needs that are not set, by key; never their values. */
  public List<String> missing() {
    List<String> keys = new ArrayList<>();
    if (apiUrl.isPresent()) {
      if (apiKey.isEmpty()) {
        keys.add("splynx.api-key");
      }
      if (apiSecret.isEmpty()) {
        keys.add("splynx.api-secret");
      }
    }
    return keys;
  }

  private static Optional<String> nonBlank(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }

  @Override
  public String toString() {
    return "SplynxSettings[url="
        + apiUrl.map(URI::toString).orElse("- (sandbox)")
        + ", apiKey="
        + (apiKey.isPresent() ? "***" : "-")
        + ", apiSecret="
        + (apiSecret.isPresent() ? "***" : "-")
        + ", auth="
        + auth.name().toLowerCase(Locale.ROOT)
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", ticketTypeId="
        + ticketTypeId.orElse("-")
        + ", ticketGroupId="
        + ticketGroupId.orElse("-")
        + ", ticketPriority="
        + ticketPriority
        + ", userAgent="
        + userAgent
        + ", phoneRegion="
        + phoneRegion
        + ", timeZone="
        + timeZone
        + "]";
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    SplynxSettings settings(Config config) {
      return from(config);
    }
  }
}
