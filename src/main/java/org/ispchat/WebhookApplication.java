package org.ispchat;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.ispchat.chat.whatsapp.WhatsAppWebhookResource;
import org.ispchat.platform.JsonErrors;

/** The messaging platforms' callbacks under {@code /webhooks}. */
@ApplicationPath("webhooks")
public class WebhookApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(JsonErrors.class, WhatsAppWebhookResource.class);
  }
}
