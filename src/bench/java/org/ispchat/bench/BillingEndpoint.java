package org.ispchat.bench;

import java.io.IOException;

/**
 * A billing notification URL on the server under test, called as billing systems call it: POST,
 * JSON, {@code Authorization: Bearer <key>}.
 */
final class BillingEndpoint {

  private final String name;
  private final int port;
  private final String path;

  BillingEndpoint(String name, int port, String path) {
    this.name = name;
    this.port = port;
    this.path = path;
  }

  String name() {
    return name;
  }

  /** A connection of its own for one sender thread; opened on first use. */
  KeepAliveConnection connect() {
    return new KeepAliveConnection("127.0.0.1", port, WebhookEndpoint.REQUEST_TIMEOUT);
  }

  /** Sends one notification with this key and returns the HTTP status. */
  int send(KeepAliveConnection connection, byte[] body, String key) throws IOException {
    return connection.post(
        path, body, "Content-Type: application/json", "Authorization: Bearer " + key);
  }

  @Override
  public String toString() {
    return name + " (http://127.0.0.1:" + port + path + ")";
  }
}
