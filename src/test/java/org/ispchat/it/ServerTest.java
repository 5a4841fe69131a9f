package org.ispchat.it;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.ispchat.testing.AdminApi;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.MetaWebhooks;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: they talk to the deployed WAR over real HTTP, as Meta, billing
 * systems and admins do, and watch the fake Graph API for what the server sends.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ServerTest {

  @ArquillianResource URL deployment;

  final FakeGraphApi graph = FakeGraphApi.shared();

  URI base() {
    try {
      String url = deployment.toExternalForm();
      return new URI(url.endsWith("/") ? url : url + "/");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  MetaWebhooks meta() {
    return new MetaWebhooks(base());
  }

  AdminApi admin() {
    return new AdminApi(base());
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
