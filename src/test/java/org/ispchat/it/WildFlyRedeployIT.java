package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ispchat.testing.CustomerTexts;
import org.ispchat.testing.HttpStatus;
import org.ispchat.testing.Poll;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.OperationBuilder;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * An upgrade by redeploying the WAR over itself on a running WildFly while messages are being
 * answered: what {@code jboss-cli deploy --force} does (a full-replace-deployment with the new
 * content). The old deployment stops taking work, finishes the turns and sends under way, closes
 * its embedded database, and the new one carries on from the same rows: nothing lost, nothing
 * answered twice, ready afterwards. WildFly only (the Payara counterpart is the boot-time redeploy
 * of {@code PayaraKillRestartIT}).
 */
class WildFlyRedeployIT extends ServerTest {

  private static final int CUSTOMERS = 10;
  private static final int PER_CUSTOMER = 4;

  @Test
  void redeployingWhileAnsweringLosesNothingAndAnswersNothingTwice() throws Exception {
    CustomerTexts texts = CustomerTexts.of(CUSTOMERS, PER_CUSTOMER);
    Map<String, List<String>> sent = texts.sent();
    List<String> deliveries = texts.deliveries();
    sent.keySet().forEach(customer -> graph.delay(customer, Duration.ofMillis(300)));
    deliveries.forEach(json -> assertEquals(200, meta().deliver(json).statusCode()));
    Poll.until(
        () -> sent.keySet().stream().mapToInt(c -> graph.sendsTo(c).size()).sum() >= 5,
        Duration.ofSeconds(30),
        "answers under way");
    int before = sent.keySet().stream().mapToInt(c -> graph.sendsTo(c).size()).sum();
    assertTrue(before < CUSTOMERS * PER_CUSTOMER, "still busy when redeployed: " + before);

    long started = System.nanoTime();
    // The same archive the suite deployed (the real WAR plus its test-only class), as new content.
    File war =
        new File(System.getProperty("project.build.directory", "target"), "redeploy-ispchat.war");
    Deployments.ispchat().as(ZipExporter.class).exportTo(war, true);
    redeploy(war);
    long redeployed = System.nanoTime();

    Poll.until(
        () -> sent.keySet().stream().allMatch(c -> graph.acceptedTo(c).size() >= PER_CUSTOMER),
        Duration.ofSeconds(60),
        "every message answered after the redeploy");
    // Meta re-delivers; nothing is answered again.
    deliveries.forEach(json -> assertEquals(200, meta().deliver(json).statusCode()));
    Poll.holds(
        () -> sent.keySet().stream().allMatch(c -> graph.sendsTo(c).size() == PER_CUSTOMER),
        Duration.ofSeconds(3),
        "each message answered once");
    for (var customer : sent.entrySet()) {
      Map<String, String> answered = new HashMap<>();
      for (JsonObject o : admin().outbound(customer.getKey())) {
        answered.put(o.getString("provider_message_id", ""), o.getString("in_reply_to"));
      }
      assertEquals(
          customer.getValue(),
          graph.acceptedTo(customer.getKey()).stream().map(s -> answered.get(s.wamid())).toList(),
          "replies to " + customer.getKey() + " in order");
    }
    assertEquals(200, HttpStatus.of(URI.create(System.getProperty("it.health.url"))), "ready");
    System.out.printf(
        "WildFly redeploy while busy: %d of %d answered before, redeploy took %.1f s%n",
        before, CUSTOMERS * PER_CUSTOMER, (redeployed - started) / 1e9);
  }

  /** {@code deploy --force}: replace the running deployment's content, keep it enabled. */
  private static void redeploy(File war) throws Exception {
    int port = Integer.getInteger("it.wildfly.management.port", 19990);
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create("remote+http", "127.0.0.1", port)) {
      ModelNode op = Operations.createOperation("full-replace-deployment");
      op.get("name").set("ispchat.war");
      op.get("enabled").set(true);
      op.get("content").get(0).get("input-stream-index").set(0);
      ModelNode result =
          client.execute(OperationBuilder.create(op).addFileAsAttachment(war).build());
      assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
    }
  }
}
