package org.ispchat.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A stand-in for Meta's Graph API {@code POST /{version}/{phone-number-id}/messages}, speaking its
 * wire format: success bodies with a {@code wamid}, and Graph error bodies with Meta's codes. It
 * records every request and can be told, per recipient, what to answer next.
 */
public final class FakeGraphApi {

  private static FakeGraphApi shared;

  /** One request the server made. */
  public record Send(
      String phoneNumberId,
      String authorization,
      JsonObject body,
      int status,
      String wamid,
      long receivedNanos,
      long answeredNanos) {

    public String to() {
      return body.getString("to");
    }

    public String type() {
      return body.getString("type");
    }

    /** The visible text: text body, or the interactive body. */
    public String text() {
      return type().equals("text")
          ? body.getJsonObject("text").getString("body")
          : body.getJsonObject("interactive").getJsonObject("body").getString("text");
    }

    public boolean accepted() {
      return status == 200;
    }
  }

  /** A scripted answer. */
  public record Answer(int status, String body, Duration delay) {}

  private final HttpServer server;
  private final List<Send> sends = new ArrayList<>();
  private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();

  private FakeGraphApi(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The one fake of this test JVM, on the port the server under test was configured with. */
  public static synchronized FakeGraphApi shared() {
    if (shared == null) {
      try {
        shared = new FakeGraphApi(Integer.getInteger("it.fake.port", 18090));
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the fake Graph API", e);
      }
    }
    return shared;
  }

  public static FakeGraphApi on(int port) throws IOException {
    return new FakeGraphApi(port);
  }

  public void stop() {
    server.stop(0);
  }

  /** The next answers to messages for this recipient, in order; afterwards 200 again. */
  public void script(String recipient, Answer... answers) {
    scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  /** Every answer to this recipient takes this long (to see whether sends overlap). */
  public void delay(String recipient, Duration delay) {
    delays.put(recipient, delay);
  }

  public static Answer serverError() {
    return new Answer(500, "", Duration.ZERO);
  }

  /** A Graph API error body as Meta sends it. */
  public static Answer metaError(int httpStatus, int code, String message, String details) {
    String body =
        Json.createObjectBuilder()
            .add(
                "error",
                Json.createObjectBuilder()
                    .add("message", message)
                    .add("type", "OAuthException")
                    .add("code", code)
                    .add(
                        "error_data",
                        Json.createObjectBuilder()
                            .add("messaging_product", "whatsapp")
                            .add("details", details))
                    .add("fbtrace_id", "A" + UUID.randomUUID().toString().substring(0, 12)))
            .build()
            .toString();
    return new Answer(httpStatus, body, Duration.ZERO);
  }

  public synchronized List<Send> sendsTo(String recipient) {
    return sends.stream().filter(s -> s.to().equals(recipient)).toList();
  }

  public List<Send> acceptedTo(String recipient) {
    return sendsTo(recipient).stream().filter(Send::accepted).toList();
  }

  public synchronized List<Send> sends(Predicate<Send> filter) {
    return sends.stream().filter(filter).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long received = System.nanoTime();
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String[] parts = path.split("/");
      // /v23.0/{phone-number-id}/messages
      if (!"POST".equals(exchange.getRequestMethod())
          || parts.length != 4
          || !parts[3].equals("messages")) {
        respond(exchange, 404, "{\"error\":{\"message\":\"Unknown path\",\"code\":100}}");
        return;
      }
      JsonObject body;
      try (InputStream in = exchange.getRequestBody();
          var reader =
              Json.createReader(
                  new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
        body = reader.readObject();
      }
      String to = body.getString("to", "");
      Answer answer;
      Deque<Answer> script = scripts.get(to);
      synchronized (this) {
        answer = script == null ? null : script.poll();
      }
      Duration delay = answer != null ? answer.delay() : delays.getOrDefault(to, Duration.ZERO);
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String wamid = null;
      int status;
      String responseBody;
      if (answer == null) {
        wamid = "wamid.FAKE" + UUID.randomUUID().toString().replace("-", "");
        status = 200;
        responseBody =
            Json.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add(
                    "contacts",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("input", to).add("wa_id", to)))
                .add(
                    "messages",
                    Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", wamid)))
                .build()
                .toString();
      } else {
        status = answer.status();
        responseBody = answer.body();
      }
      synchronized (this) {
        sends.add(
            new Send(
                parts[2],
                exchange.getRequestHeaders().getFirst("Authorization"),
                body,
                status,
                wamid,
                received,
                System.nanoTime()));
      }
      respond(exchange, status, responseBody);
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
