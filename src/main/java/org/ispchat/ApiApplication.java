package org.ispchat;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.ispchat.notify.ApiKeysResource;
import org.ispchat.notify.InstancesResource;
import org.ispchat.notify.MessageStatusResource;
import org.ispchat.notify.NoticeTemplateResource;
import org.ispchat.notify.NotificationResource;
import org.ispchat.outbox.MessageLogResource;
import org.ispchat.platform.AdminAuthentication;
import org.ispchat.platform.ApiBodyLimit;
import org.ispchat.platform.JsonErrors;

/**
 * The JSON API under {@code /api}: billing systems and deploy scripts. Its classes are listed
 * because two applications share the WAR (webhooks are the other), and the JSF console keeps the
 * rest of the URL space.
 */
@ApplicationPath("api")
public class ApiApplication extends Application {
  /** No WADL (Jersey serves one to anyone by default); the API is described in the docs. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        JsonErrors.class,
        ApiBodyLimit.class,
        AdminAuthentication.class,
        MessageLogResource.class,
        ApiKeysResource.class,
        InstancesResource.class,
        NotificationResource.class,
        MessageStatusResource.class,
        NoticeTemplateResource.class);
  }
}
