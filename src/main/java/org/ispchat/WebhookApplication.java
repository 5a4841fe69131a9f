package org.ispchat;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.ispchat.chat.evolution.EvolutionWebhookResource;
import org.ispchat.chat.whatsapp.WhatsAppWebhookResource;
import org.ispchat.platform.JsonErrors;
import org.ispchat.splynx.SplynxHookResource;

/** The messaging platforms' and the billing system's callbacks under {@code /webhooks}. */
@ApplicationPath("webhooks")
public class WebhookApplication extends Application {
  /** No WADL (Jersey serves one to anyone by default); the API is described in the docs. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        JsonErrors.class,
        WhatsAppWebhookResource.class,
        EvolutionWebhookResource.class,
        SplynxHookResource.class);
  }
}
