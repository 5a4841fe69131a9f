package org.ispchat.testing;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One customer writing to the bot through the real webhook, and reading what reached the fake Graph
 * API: each call waits for the expected number of new replies and returns them.
 */
public final class Conversation {

  private final URI base;
  private final FakeGraphApi graph;
  private final String customer;

  public Conversation(URI base, FakeGraphApi graph, String customer) {
    this.base = base;
    this.graph = graph;
    this.customer = customer;
  }

  public String customer() {
    return customer;
  }

  /** Types {@code text}; waits for one reply and returns it. */
  public FakeGraphApi.Send say(String text) {
    return say(text, 1).get(0);
  }

  public List<FakeGraphApi.Send> say(String text, int replies) {
    return send(MetaWebhooks.text(customer, MetaWebhooks.newWamid(), text, now()), replies);
  }

  /** Taps a list row. */
  public FakeGraphApi.Send pick(String id, String title) {
    return send(MetaWebhooks.listReply(customer, MetaWebhooks.newWamid(), id, title, now()), 1)
        .get(0);
  }

  /** Taps a reply button. */
  public FakeGraphApi.Send tap(String id, String title) {
    return send(MetaWebhooks.buttonReply(customer, MetaWebhooks.newWamid(), id, title, now()), 1)
        .get(0);
  }

  /** Sends a message the bot is not expected to answer, and waits until it has been processed. */
  public void sayNothingBack(String text, AdminApi admin) {
    String wamid = MetaWebhooks.newWamid();
    deliver(MetaWebhooks.text(customer, wamid, text, now()));
    Poll.until(
        () -> admin.inbound(customer),
        in ->
            in.stream()
                .anyMatch(
                    m ->
                        wamid.equals(m.getString("provider_message_id", ""))
                            && !"pending".equalsIgnoreCase(m.getString("status", ""))),
        Duration.ofSeconds(20),
        "message " + wamid + " processed");
  }

  public List<FakeGraphApi.Send> send(JsonObject message, int replies) {
    int before = graph.acceptedTo(customer).size();
    deliver(message);
    List<FakeGraphApi.Send> all =
        Poll.until(
            () -> graph.acceptedTo(customer),
            s -> s.size() >= before + replies,
            Duration.ofSeconds(20),
            replies + " reply(ies) to " + customer);
    return all.subList(before, before + replies);
  }

  public List<FakeGraphApi.Send> replies() {
    return graph.acceptedTo(customer);
  }

  public void deliver(JsonObject message) {
    var response = new MetaWebhooks(base).deliver(MetaWebhooks.envelope(message));
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "webhook answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
