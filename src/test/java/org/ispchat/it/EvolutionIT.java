package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.ispchat.testing.EvolutionWebhooks;
import org.ispchat.testing.FakeEvolution;
import org.ispchat.testing.InstancesApi;
import org.ispchat.testing.IspCustomers;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customers writing through an Evolution API instance: the instance is added through the admin API,
 * pointing at the fake Evolution server; its webhook reaches the same bot, and the bot's replies
 * leave through that instance's sendText with its apikey.
 */
class EvolutionIT extends ServerTest {

  private final FakeEvolution evolution = FakeEvolution.shared();
  private String instance;
  private String apikey;
  private String secret;
  private String instanceId;

  private InstancesApi instances() {
    return new InstancesApi(base());
  }

  private EvolutionWebhooks webhooks() {
    return new EvolutionWebhooks(base());
  }

  @BeforeEach
  void anInstanceOnTheFakeServer() {
    int n = ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    instance = "it-evo-" + n;
    apikey = "it-apikey-" + n;
    evolution.instance(instance, apikey);
    HttpResponse<String> created =
        instances()
            .create(
                "{\"name\":\"IT Evolution "
                    + n
                    + "\",\"provider\":\"evolution\",\"evolution_instance\":\""
                    + instance
                    + "\",\"api_url\":\""
                    + evolution.url()
                    + "\",\"api_key\":\""
                    + apikey
                    + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject json = InstancesApi.json(created.body());
    secret = json.getString("webhook_secret");
    instanceId = json.getString("instance_id");
    assertEquals("open", json.getString("connection"), "asked Evolution on save");
  }

  private void deliverWithToken(JsonObject envelope) {
    HttpResponse<String> r = webhooks().deliver(envelope, secret);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{}", r.body());
  }

  private List<FakeEvolution.Send> awaitReplies(String customer, int n) {
    return Poll.until(
        () -> evolution.acceptedTo(customer),
        s -> s.size() >= n,
        Duration.ofSeconds(20),
        n + " Evolution reply(ies) to " + customer);
  }

  @Test
  void aNewNumberWritingThroughEvolutionIsOfferedToIdentifyThroughTheSameInstance() {
    String customer = IspCustomers.newMobile();
    deliverWithToken(EvolutionWebhooks.text(instance, customer, EvolutionWebhooks.newKeyId(), "3"));
    FakeEvolution.Send reply = awaitReplies(customer, 1).get(0);
    assertEquals(instance, reply.instance());
    assertEquals(apikey, reply.apikey());
    assertTrue(reply.text().contains("couldn't find an account"), reply.text());
    assertTrue(graph.sendsTo(customer).isEmpty(), "nothing went out through the Cloud API");
  }

  @Test
  void theSameUpsertDeliveredTwiceIsAnsweredOnce() {
    String customer = IspCustomers.newMobile();
    JsonObject upsert =
        EvolutionWebhooks.text(instance, customer, EvolutionWebhooks.newKeyId(), "hello");
    deliverWithToken(upsert);
    deliverWithToken(upsert);
    awaitReplies(customer, 1);
    Poll.holds(
        () -> evolution.sendsTo(customer).size() == 1,
        Duration.ofSeconds(2),
        "one answer to one message delivered twice");
    List<JsonObject> in =
        instances().messages(customer, "evolution").stream()
            .filter(m -> m.getString("direction").equals("in"))
            .toList();
    assertEquals(1, in.size(), in.toString());
  }

  @Test
  void acksMoveTheReplysStatus() {
    String customer = IspCustomers.newMobile();
    deliverWithToken(EvolutionWebhooks.text(instance, customer, EvolutionWebhooks.newKeyId(), "3"));
    String keyId = awaitReplies(customer, 1).get(0).keyId();
    awaitStatus(customer, "sent");
    deliverWithToken(EvolutionWebhooks.ack(instance, customer, keyId, "DELIVERY_ACK"));
    awaitStatus(customer, "delivered");
    deliverWithToken(EvolutionWebhooks.ack(instance, customer, keyId, "READ"));
    JsonObject out = awaitStatus(customer, "read");
    assertEquals(keyId, out.getString("provider_message_id"));
  }

  private JsonObject awaitStatus(String customer, String status) {
    return Poll.until(
            () ->
                instances().messages(customer, "evolution").stream()
                    .filter(m -> m.getString("direction").equals("out"))
                    .toList(),
            o -> !o.isEmpty() && o.get(0).getString("status").equals(status),
            Duration.ofSeconds(20),
            "status " + status + " for " + customer)
        .get(0);
  }

  @Test
  void aClosedSessionIsShownAndRepliesWaitUntilItOpens() {
    evolution.state(instance, "close"); // so the minute's check agrees with the webhook
    deliverWithToken(EvolutionWebhooks.connection(instance, "close"));
    assertEquals("close", instances().shown(instanceId).getString("connection"));
    String customer = IspCustomers.newMobile();
    deliverWithToken(EvolutionWebhooks.text(instance, customer, EvolutionWebhooks.newKeyId(), "3"));
    Poll.holds(
        () -> evolution.sendsTo(customer).isEmpty(),
        Duration.ofSeconds(2),
        "nothing is sent while the session is closed");
    evolution.state(instance, "open");
    deliverWithToken(EvolutionWebhooks.connection(instance, "open"));
    assertEquals("open", instances().shown(instanceId).getString("connection"));
    awaitReplies(customer, 1);
  }

  @Test
  void aWrongOrMissingTokenOrAnUnknownInstanceIs401AndNothingIsStored() {
    String customer = IspCustomers.newMobile();
    JsonObject upsert =
        EvolutionWebhooks.text(instance, customer, EvolutionWebhooks.newKeyId(), "hello");
    HttpResponse<String> wrong = webhooks().deliver(upsert, secret + "x");
    assertEquals(401, wrong.statusCode(), wrong.body());
    assertTrue(InstancesApi.json(wrong.body()).containsKey("detail"), wrong.body());
    assertEquals(401, webhooks().deliver(upsert, null).statusCode());
    assertEquals(401, webhooks().deliverWithJwt(upsert, "not-the-secret").statusCode());
    JsonObject elsewhere =
        EvolutionWebhooks.text("no-such-instance", customer, EvolutionWebhooks.newKeyId(), "hi");
    assertEquals(401, webhooks().deliver(elsewhere, secret).statusCode());
    HttpResponse<String> close =
        webhooks().deliver(EvolutionWebhooks.connection(instance, "close"), "guess");
    assertEquals(401, close.statusCode());
    assertEquals("open", instances().shown(instanceId).getString("connection"));
    assertTrue(instances().messages(customer, "evolution").isEmpty(), "nothing stored");
  }

  @Test
  void evolutionsOwnJwtSignedWithTheSecretIsAccepted() {
    String customer = IspCustomers.newMobile();
    HttpResponse<String> r =
        webhooks()
            .deliverWithJwt(
                EvolutionWebhooks.text(instance, customer, EvolutionWebhooks.newKeyId(), "3"),
                secret);
    assertEquals(200, r.statusCode(), r.body());
    awaitReplies(customer, 1);
  }

  @Test
  void theSecretAsABearerTokenIsAccepted() {
    String customer = IspCustomers.newMobile();
    HttpResponse<String> r =
        webhooks()
            .post(
                EvolutionWebhooks.text(instance, customer, EvolutionWebhooks.newKeyId(), "3")
                    .toString(),
                new String[] {"Authorization", "Bearer " + secret});
    assertEquals(200, r.statusCode(), r.body());
    awaitReplies(customer, 1);
  }

  @Test
  void aBodyThatIsNotJsonIs400AndOneOver4MiBIs413() {
    HttpResponse<String> garbage = webhooks().post("not json", null);
    assertEquals(400, garbage.statusCode(), garbage.body());
    assertTrue(InstancesApi.json(garbage.body()).containsKey("detail"));
    String huge = "{\"event\":\"x\",\"pad\":\"" + "a".repeat(4 * 1024 * 1024) + "\"}";
    assertEquals(413, webhooks().post(huge, new String[] {"X-Ispchat-Token", secret}).statusCode());
  }

  @Test
  void otherEventsAreAcknowledgedAndIgnored() {
    HttpResponse<String> r =
        webhooks()
            .post(
                "{\"event\":\"qrcode.updated\",\"instance\":\""
                    + instance
                    + "\",\"data\":{\"qrcode\":{\"code\":\"x\"}}}",
                new String[] {"X-Ispchat-Token", secret});
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void aRefusedApikeyHoldsTheReplyUntilTheAdminFixesIt() {
    String customer = IspCustomers.newMobile();
    HttpResponse<String> patched = instances().patch(instanceId, "{\"api_key\":\"revoked-key\"}");
    assertEquals(200, patched.statusCode(), patched.body());
    deliverWithToken(EvolutionWebhooks.text(instance, customer, EvolutionWebhooks.newKeyId(), "3"));
    Poll.until(
        () -> evolution.sendsTo(customer),
        s -> !s.isEmpty() && s.get(0).status() == 401,
        Duration.ofSeconds(20),
        "a send refused for its apikey");
    assertEquals(
        200, instances().patch(instanceId, "{\"api_key\":\"" + apikey + "\"}").statusCode());
    FakeEvolution.Send sent = awaitReplies(customer, 1).get(0);
    assertEquals(apikey, sent.apikey());
  }
}
