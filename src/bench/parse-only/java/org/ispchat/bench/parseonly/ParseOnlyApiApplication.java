package org.ispchat.bench.parseonly;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Same path shape as ispchat's {@code /api/v1/billing/send-notification}, under this WAR's own
 * context root.
 */
@ApplicationPath("api")
public class ParseOnlyApiApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(ParseOnlyBillingResource.class);
  }
}
