package org.ispchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook URL on the server under test, delivered to as Meta does: POST, JSON, {@code
 * X-Hub-Signature-256}. It counts the inbound texts it got a 2xx for: ispchat owes each a reply.
 */
final class WebhookEndpoint {

  /** Longer than ispchat's 10 s commit timeout, so a slow commit shows as its 503, not as ours. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final int port;
  private final String path;
  private final AtomicLong acceptedTexts = new AtomicLong();

  WebhookEndpoint(String name, int port, String path) {
    this.name = name;
    this.port = port;
    this.path = path;
  }

  String name() {
    return name;
  }

  long acceptedTexts() {
    return acceptedTexts.get();
  }

  /** A connection of its own for one sender thread; opened on first use. */
  KeepAliveConnection connect() {
    return new KeepAliveConnection("127.0.0.1", port, REQUEST_TIMEOUT);
  }

  /** Delivers and returns the HTTP status. */
  int send(KeepAliveConnection connection, MetaTraffic.Delivery delivery) throws IOException {
    int status =
        connection.post(
            path,
            delivery.body(),
            "Content-Type: application/json",
            "X-Hub-Signature-256: " + delivery.signature());
    if (delivery.inboundText() && status / 100 == 2) {
      acceptedTexts.incrementAndGet();
    }
    return status;
  }

  @Override
  public String toString() {
    return name + " (http://127.0.0.1:" + port + path + ")";
  }
}
