package org.ispchat.bench.parseonly;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Same path shape as ispchat's {@code /webhooks/whatsapp}, under this WAR's own context root. */
@ApplicationPath("webhooks")
public class ParseOnlyApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(ParseOnlyWebhookResource.class);
  }
}
