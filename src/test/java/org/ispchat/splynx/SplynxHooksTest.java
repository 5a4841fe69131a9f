package org.ispchat.splynx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.ispchat.platform.ApiFailure;
import org.junit.jupiter.api.Test;

/** Splynx's webhook hook (reference §6): signature, ping, JSON and form bodies, ticket events. */
class SplynxHooksTest {

  private static final String SECRET = "hook-secret";
  private static final String JSON_TYPE = "application/json";
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private final List<TicketActivity> fired = new ArrayList<>();

  @Test
  void signedPingIsAnsweredAndFiresNothing() {
    byte[] body = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
    SplynxHooks.Hook hook = hooks(SECRET).receive(body, JSON_TYPE, SplynxHooks.sign(SECRET, body));
    assertTrue(hook.ping());
    assertEquals(List.of(), fired);
  }

  @Test
  void missingOrWrongSignatureIsRefusedWith401AndNothingFires() {
    byte[] body = ticketMessage("77").getBytes(StandardCharsets.UTF_8);
    SplynxHooks hooks = hooks(SECRET);
    assertEquals(
        401, assertThrows(ApiFailure.class, () -> hooks.receive(body, JSON_TYPE, null)).status());
    String wrong = SplynxHooks.sign("other-secret", body);
    assertEquals(
        401, assertThrows(ApiFailure.class, () -> hooks.receive(body, JSON_TYPE, wrong)).status());
    assertEquals(
        401,
        assertThrows(ApiFailure.class, () -> hooks.receive(body, JSON_TYPE, "zz-not-hex"))
            .status());
    assertEquals(3, hooks.rejectedSignatures());
    assertEquals(List.of(), fired);
  }

  @Test
  void signatureIsOverTheRawBytes() {
    byte[] body = ticketMessage("77").getBytes(StandardCharsets.UTF_8);
    byte[] reformatted = ticketMessage("77").replace(":", ": ").getBytes(StandardCharsets.UTF_8);
    SplynxHooks hooks = hooks(SECRET);
    String signature = SplynxHooks.sign(SECRET, body);
    assertEquals(
        401,
        assertThrows(ApiFailure.class, () -> hooks.receive(reformatted, JSON_TYPE, signature))
            .status());
    hooks.receive(body, JSON_TYPE, signature.toUpperCase());
    assertEquals(List.of(new TicketActivity("77")), fired);
  }

  @Test
  void unsetSecretRefusesEveryHookWith403() {
    byte[] body = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
    ApiFailure refused =
        assertThrows(ApiFailure.class, () -> hooks(null).receive(body, JSON_TYPE, "00"));
    assertEquals(403, refused.status());
    assertEquals("Splynx hooks are not configured", refused.detail());
  }

  @Test
  void ticketMessageEventFiresTicketActivity() {
    byte[] body = ticketMessage("77").getBytes(StandardCharsets.UTF_8);
    hooks(SECRET).receive(body, JSON_TYPE, SplynxHooks.sign(SECRET, body));
    assertEquals(List.of(new TicketActivity("77")), fired);
  }

  @Test
  void formEncodedEventWithBracketsIsRead() {
    String form =
        "type=event&data%5Bmodel%5D="
            + URLEncoder.encode("models\\common\\support\\TicketsMessages", StandardCharsets.UTF_8)
            + "&data%5Baction%5D=create&data%5Battributes%5D%5Bid%5D=900"
            + "&data%5Battributes%5D%5Bticket_id%5D=42";
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    hooks(SECRET).receive(body, FORM_TYPE, SplynxHooks.sign(SECRET, body));
    assertEquals(List.of(new TicketActivity("42")), fired);
  }

  @Test
  void formEncodedEventWithJsonDataIsRead() {
    String data =
        "{\"model\":\"models\\\\common\\\\support\\\\Tickets\",\"action\":\"update\",\"attributes\":{\"id\":\"5\"}}";
    String form = "type=event&data=" + URLEncoder.encode(data, StandardCharsets.UTF_8);
    SplynxHooks.Hook hook = SplynxHooks.parse(form.getBytes(StandardCharsets.UTF_8), FORM_TYPE);
    assertEquals("update", hook.action());
    assertEquals(Optional.of("5"), SplynxHooks.ticketId(hook));
  }

  @Test
  void ticketIdComesFromTicketIdOrFromATicketsOwnId() {
    assertEquals(
        Optional.of("9"),
        SplynxHooks.ticketId(event("models\\common\\support\\Tickets", Map.of("id", "9"))));
    assertEquals(
        Optional.of("9"),
        SplynxHooks.ticketId(
            event(
                "models\\common\\support\\TicketMessages", Map.of("id", "300", "ticket_id", "9"))));
    // A message without ticket_id: its own id is a message id, not a ticket's.
    assertEquals(
        Optional.empty(),
        SplynxHooks.ticketId(
            event("models\\common\\support\\TicketsMessages", Map.of("id", "300"))));
  }

  @Test
  void otherEventsAreAcknowledgedAndIgnored() {
    String customer =
        "{\"type\":\"event\",\"data\":{\"model\":\"models\\\\common\\\\customers\\\\Customers\","
            + "\"action\":\"update\",\"attributes\":{\"id\":\"1042\",\"status\":\"blocked\"}}}";
    byte[] body = customer.getBytes(StandardCharsets.UTF_8);
    SplynxHooks.Hook hook = hooks(SECRET).receive(body, JSON_TYPE, SplynxHooks.sign(SECRET, body));
    assertEquals("event", hook.type());
    assertEquals(List.of(), fired);
    assertEquals(
        Optional.empty(), SplynxHooks.ticketId(new SplynxHooks.Hook("ping", null, null, Map.of())));
  }

  @Test
  void bodyThatIsNoHookIs400() {
    assertEquals(
        400,
        assertThrows(ApiFailure.class, () -> SplynxHooks.parse("not json".getBytes(), JSON_TYPE))
            .status());
    assertEquals(
        400,
        assertThrows(
                ApiFailure.class, () -> SplynxHooks.parse("{\"data\":{}}".getBytes(), JSON_TYPE))
            .status());
    assertEquals(
        400,
        assertThrows(ApiFailure.class, () -> SplynxHooks.parse("type=%zz".getBytes(), FORM_TYPE))
            .status());
  }

  private static String ticketMessage(String ticketId) {
    return "{\"type\":\"event\",\"data\":{\"source\":\"admin\","
        + "\"model\":\"models\\\\common\\\\support\\\\TicketsMessages\",\"action\":\"create\","
        + "\"attributes\":{\"id\":\"900\",\"ticket_id\":\""
        + ticketId
        + "\",\"author_type\":\"admin\"}}}";
  }

  private static SplynxHooks.Hook event(String model, Map<String, String> attributes) {
    return new SplynxHooks.Hook("event", model, "create", attributes);
  }

  private SplynxHooks hooks(String secret) {
    SplynxHooks hooks = new SplynxHooks();
    hooks.settings = new SplynxHookSettings(Optional.ofNullable(secret));
    hooks.ticketActivity = new Recorder();
    hooks.readSecret();
    return hooks;
  }

  /** Stands in for CDI's event: what was fired. */
  private final class Recorder implements Event<TicketActivity> {
    @Override
    public void fire(TicketActivity event) {
      fired.add(event);
    }

    @Override
    public <U extends TicketActivity> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends TicketActivity> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<TicketActivity> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends TicketActivity> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends TicketActivity> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
