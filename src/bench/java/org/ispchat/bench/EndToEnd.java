package org.ispchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * From a customer's message to the bot's reply, through everything: webhook, commit, inbound
 * worker, outbox, dispatcher, Graph API. Texts are offered on an open-loop schedule, each from a
 * customer number never used before, so the one message the Graph API stand-in receives for that
 * number is its reply (ispchat answers every text with the menu). Latency runs from the intended
 * send time to the reply's arrival.
 */
final class EndToEnd {

  /** How long after the last message the bench still waits for replies. */
  static final Duration REPLY_PATIENCE = Duration.ofSeconds(30);

  /**
   * @param acknowledgements the webhook phase of it: latency to the 200, failures
   * @param replies latency from intended send to the reply reaching the Graph API
   * @param unanswered texts acknowledged or not, whose reply had not arrived after the patience
   */
  record Result(OpenLoop.Result acknowledgements, Latencies replies, long unanswered) {}

  private EndToEnd() {}

  static Result run(
      WebhookEndpoint ispchat,
      MetaTraffic traffic,
      GraphApiStub graph,
      BenchSettings settings,
      ServerWatch watch)
      throws InterruptedException {
    Latencies replies = new Latencies();
    List<CompletableFuture<?>> awaited = new ArrayList<>();
    OpenLoop.Offer offer =
        intended -> {
          String customer = traffic.newCustomer();
          // Registered before sending: a fast reply must not slip past unnoticed.
          awaited.add(
              graph.expectReplyTo(customer).thenAccept(arrived -> replies.add(arrived - intended)));
          return traffic.text(customer);
        };
    OpenLoop.Result acknowledgements =
        OpenLoop.run(
            ispchat,
            offer,
            settings.e2eRate(),
            settings.e2eDuration(),
            settings.openConnections(),
            settings.port(),
            watch);
    try {
      CompletableFuture.allOf(awaited.toArray(CompletableFuture[]::new))
          .get(REPLY_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // counted below
    }
    long unanswered = awaited.stream().filter(f -> !f.isDone()).count();
    return new Result(acknowledgements, replies, unanswered);
  }
}
