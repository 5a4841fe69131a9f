package org.ispchat.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meta's Graph API {@code POST /{version}/{phone-number-id}/messages} as far as the bench needs it:
 * answers every send as Meta does (200 and a wamid), counts the replies, and tells the end-to-end
 * phase when the reply to a given customer arrived. Leaner than the test suite's FakeGraphApi,
 * which keeps every request for assertions and would grow through a long run.
 */
final class GraphApiStub implements AutoCloseable {

  /** Looked up once: {@code Json.createReader} would search the class path on every reply. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicLong replies = new AtomicLong();
  private final AtomicLong wamids = new AtomicLong();
  private final Map<String, CompletableFuture<Message>> awaited = new ConcurrentHashMap<>();
  private volatile Latencies arrivals;

  /** A message ispchat sent: when it arrived ({@link System#nanoTime()}) and its JSON body. */
  record Message(long arrived, String body) {}

  private GraphApiStub(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    // More threads than ispchat's eight senders, so the stand-in never queues them.
    threads = Executors.newFixedThreadPool(16, Threads.daemon("graph-api"));
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  static GraphApiStub start(int port) throws IOException {
    return new GraphApiStub(port);
  }

  /** Messages the server has sent so far. */
  long replies() {
    return replies.get();
  }

  /**
   * From now on keeps the arrival time ({@link System#nanoTime()}) of every message, for the
   * billing suite's pacing phase; forgets those of an earlier recording.
   */
  void recordArrivals() {
    arrivals = new Latencies();
  }

  /** The arrival times recorded since {@link #recordArrivals}, in order. */
  long[] arrivals() {
    Latencies recorded = arrivals;
    if (recorded == null) {
      return new long[0];
    }
    long[] times = recorded.samples();
    Arrays.sort(times);
    return times;
  }

  /**
   * Completes with the {@link System#nanoTime()} at which a message to {@code recipient} arrives.
   */
  CompletableFuture<Long> expectReplyTo(String recipient) {
    return expectMessageTo(recipient).thenApply(Message::arrived);
  }

  /** As {@link #expectReplyTo}, with the message itself, to check what the customer was told. */
  CompletableFuture<Message> expectMessageTo(String recipient) {
    return awaited.computeIfAbsent(recipient, r -> new CompletableFuture<>());
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())
          || !exchange.getRequestURI().getPath().endsWith("/messages")) {
        respond(exchange, 404, "{\"error\":{\"message\":\"Unknown path\",\"code\":100}}");
        return;
      }
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String to;
      try (JsonReader reader = JSON.createReader(new StringReader(body))) {
        to = reader.readObject().getString("to", "");
      }
      replies.incrementAndGet();
      Latencies recording = arrivals;
      if (recording != null) {
        recording.add(arrived);
      }
      CompletableFuture<Message> waiting = awaited.remove(to);
      if (waiting != null) {
        waiting.complete(new Message(arrived, body));
      }
      respond(exchange, 200, accepted(to));
    }
  }

  /** Meta's answer to a send, with a wamid of its own. */
  private String accepted(String to) {
    return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
        + to
        + "\",\"wa_id\":\""
        + to
        + "\"}],\"messages\":[{\"id\":\"wamid.STUB"
        + wamids.incrementAndGet()
        + "\"}]}";
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
