package org.ispchat.chat.whatsapp;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The Meta app and number ispchat speaks for. The three secrets (verify token, app secret, access
 * token) are never logged; {@link #toString()} masks them.
 */
public record WhatsAppSettings(
    Optional<String> verifyToken,
    Optional<String> appSecret,
    Optional<String> accessToken,
    Optional<String> phoneNumberId,
    URI graphUrl,
    Duration connectTimeout,
    Duration readTimeout) {

  public static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com/v23.0";

  public static WhatsAppSettings from(Config config) {
    return new WhatsAppSettings(
        nonBlank(config, "whatsapp.verify-token"),
        nonBlank(config, "whatsapp.app-secret"),
        nonBlank(config, "whatsapp.access-token"),
        nonBlank(config, "whatsapp.phone-number-id"),
        URI.create(
            stripSlash(
                config
                    .getOptionalValue("whatsapp.graph-url", String.class)
                    .orElse(DEFAULT_GRAPH_URL))),
        Duration.parse(
            config.getOptionalValue("whatsapp.connect-timeout", String.class).orElse("PT5S")),
        Duration.parse(
            config.getOptionalValue("whatsapp.read-timeout", String.class).orElse("PT20S")));
  }

  /** A REST client for the Graph API with these settings' URL and timeouts. */
  <T> T graphClient(Class<T> api) {
    return org.eclipse.microprofile.rest.client.RestClientBuilder.newBuilder()
        .baseUri(graphUrl)
        .connectTimeout(connectTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .readTimeout(readTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .build(api);
  }

  /**
   * The access token for calls on an instance's behalf: its own when it has one (another Meta app),
   * else the configured one.
   */
  Optional<String> tokenFor(org.ispchat.chat.MessagingInstance instance) {
    return instance.hasCredential() ? Optional.of(instance.credential()) : accessToken;
  }

  /** The settings Meta's webhook and sends need that are not set, by key; never their values. */
  public java.util.List<String> missing() {
    java.util.List<String> keys = new java.util.ArrayList<>();
    if (verifyToken.isEmpty()) {
      keys.add("whatsapp.verify-token");
    }
    if (appSecret.isEmpty()) {
      keys.add("whatsapp.app-secret");
    }
    if (accessToken.isEmpty()) {
      keys.add("whatsapp.access-token");
    }
    if (phoneNumberId.isEmpty()) {
      keys.add("whatsapp.phone-number-id");
    }
    return keys;
  }

  private static Optional<String> nonBlank(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "WhatsAppSettings[verifyToken="
        + mask(verifyToken)
        + ", appSecret="
        + mask(appSecret)
        + ", accessToken="
        + mask(accessToken)
        + ", phoneNumberId="
        + phoneNumberId.orElse("-")
        + ", graphUrl="
        + graphUrl
        + "]";
  }

  private static String mask(Optional<String> secret) {
    return secret.isPresent() ? "***" : "-";
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    WhatsAppSettings settings(Config config) {
      return from(config);
    }

    /** The configured number is the {@code default} instance; its templates live in the WABA. */
    @Produces
    @Singleton
    org.ispchat.chat.DefaultSender defaultSender(WhatsAppSettings settings, Config config) {
      return new org.ispchat.chat.DefaultSender(
          settings.phoneNumberId(), nonBlank(config, "whatsapp.waba-id"));
    }
  }
}
