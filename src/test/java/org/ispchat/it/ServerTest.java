package org.ispchat.it;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.ispchat.testing.AdminApi;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.FakeSplynx;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.Poll;
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
  final FakeSplynx splynx = FakeSplynx.shared();

  /**
   * The deployed application's base URL. Taken from {@code it.base.url} (the build knows the port
   * and the context root, {@code /ispchat} on both servers) rather than from Arquillian: the Payara
   * adapter finds the context root by reading the server's console output, and now and then reads
   * it too early and reports the server's root instead.
   */
  URI base() {
    String configured = System.getProperty("it.base.url");
    if (configured != null && !configured.isBlank()) {
      return URI.create(configured.endsWith("/") ? configured : configured + "/");
    }
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

  /** Delivers one signed webhook carrying this message, as Meta would, and expects 200. */
  void deliver(jakarta.json.JsonObject message) {
    var response = meta().deliver(MetaWebhooks.envelope(message));
    org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), response.body());
  }

  /** The first reply the Graph API accepted for this customer, waiting for it. */
  FakeGraphApi.Send firstReply(String customer) {
    return Poll.until(
            () -> graph.acceptedTo(customer),
            s -> !s.isEmpty(),
            java.time.Duration.ofSeconds(20),
            "a reply to " + customer)
        .get(0);
  }

  /** The newest outbound entry of the message log for this customer, once it has this status. */
  jakarta.json.JsonObject awaitOutbound(String customer, String status) {
    return Poll.until(
            () -> admin().outbound(customer),
            o -> !o.isEmpty() && o.get(0).getString("status").equals(status),
            java.time.Duration.ofSeconds(20),
            "status " + status + " for " + customer)
        .get(0);
  }
}
