package org.ispchat.chat.evolution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * One REST client per Evolution server URL: instances are added at run time, each naming its
 * server, so the clients cannot be built at start-up like the Graph API's. A handful of servers at
 * most, so they are kept for the application's life.
 */
@ApplicationScoped
public class EvolutionClients {

  @Inject EvolutionSettings settings;

  private final ConcurrentHashMap<String, EvolutionApi> byUrl = new ConcurrentHashMap<>();

  /**
   * @param apiUrl the server's base URL without a trailing slash, as {@code MessagingInstance}
   *     keeps it
   * @throws IllegalArgumentException when the URL is not one a client can be built for
   */
  public EvolutionApi at(String apiUrl) {
    return byUrl.computeIfAbsent(apiUrl, this::build);
  }

  private EvolutionApi build(String apiUrl) {
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(apiUrl))
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .build(EvolutionApi.class);
  }
}
