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
 *
 * <p>It also keeps a WhatsApp Business Account's message templates ({@code POST} and {@code GET
 * /{version}/{waba-id}/message_templates}): a submission is PENDING until a test approves it, and a
 * second one of the same name and language is refused as Meta does (code 100, subcode 2388024).
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

  /** One template submission the server made, and the status it was answered with. */
  public record TemplateRequest(String wabaId, String authorization, JsonObject body, int status) {
    public String name() {
      return body.getString("name");
    }

    public String language() {
      return body.getString("language");
    }

    public String category() {
      return body.getString("category");
    }

    /** The BODY component's text. */
    public String text() {
      return body.getJsonArray("components").getJsonObject(0).getString("text");
    }
  }

  /** A template the fake account holds; its status changes when a test approves it. */
  private static final class HeldTemplate {
    final String id;
    final JsonObject body;
    volatile String status = "PENDING";

    HeldTemplate(String id, JsonObject body) {
      this.id = id;
      this.body = body;
    }
  }

  /** A scripted answer. */
  public record Answer(int status, String body, Duration delay) {}

  private final HttpServer server;
  private final List<Send> sends = new ArrayList<>();
  private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final List<TemplateRequest> templateRequests = new ArrayList<>();
  private final Map<String, HeldTemplate> templates = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong templateIds =
      new java.util.concurrent.atomic.AtomicLong(594425479261000L);

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

  /** Every template submission so far, refused ones included, in order. */
  public synchronized List<TemplateRequest> templateRequests() {
    return List.copyOf(templateRequests);
  }

  /** Meta's review approved this template (in every account that holds it). */
  public void approve(String name, String language) {
    templateStatus(name, language, "APPROVED");
  }

  public void templateStatus(String name, String language, String status) {
    templates.forEach(
        (key, held) -> {
          if (key.endsWith("|" + name + "|" + language)) {
            held.status = status;
          }
        });
  }

  private void handle(HttpExchange exchange) throws IOException {
    long received = System.nanoTime();
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String[] parts = path.split("/");
      // /v23.0/{waba-id}/message_templates
      if (parts.length == 4 && parts[3].equals("message_templates")) {
        handleTemplates(exchange, parts[2]);
        return;
      }
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

  private void handleTemplates(HttpExchange exchange, String wabaId) throws IOException {
    if ("GET".equals(exchange.getRequestMethod())) {
      String query = exchange.getRequestURI().getQuery();
      String name = null;
      for (String pair : query == null ? new String[0] : query.split("&")) {
        if (pair.startsWith("name=")) {
          name = java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
        }
      }
      var data = Json.createArrayBuilder();
      for (var e : templates.entrySet()) {
        HeldTemplate held = e.getValue();
        // Meta's name filter is not documented as exact; matching parts makes the server filter.
        if (e.getKey().startsWith(wabaId + "|")
            && (name == null || held.body.getString("name").contains(name))) {
          data.add(
              Json.createObjectBuilder()
                  .add("name", held.body.getString("name"))
                  .add("language", held.body.getString("language"))
                  .add("status", held.status)
                  .add("category", held.body.getString("category"))
                  .add("components", held.body.getJsonArray("components"))
                  .add("id", held.id));
        }
      }
      respond(
          exchange,
          200,
          Json.createObjectBuilder()
              .add("data", data)
              .add(
                  "paging",
                  Json.createObjectBuilder()
                      .add(
                          "cursors",
                          Json.createObjectBuilder()
                              .add("before", "MAZDZD")
                              .add("after", "MAZDZD")))
              .build()
              .toString());
      return;
    }
    JsonObject body;
    try (InputStream in = exchange.getRequestBody();
        var reader =
            Json.createReader(
                new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
      body = reader.readObject();
    }
    String key = wabaId + "|" + body.getString("name") + "|" + body.getString("language");
    HeldTemplate held = new HeldTemplate(Long.toString(templateIds.incrementAndGet()), body);
    boolean fresh = templates.putIfAbsent(key, held) == null;
    String answer =
        fresh
            ? Json.createObjectBuilder()
                .add("id", held.id)
                .add("status", "PENDING")
                .add("category", body.getString("category"))
                .build()
                .toString()
            : Json.createObjectBuilder()
                .add(
                    "error",
                    Json.createObjectBuilder()
                        .add("message", "Invalid parameter")
                        .add("type", "OAuthException")
                        .add("code", 100)
                        .add("error_subcode", 2388024)
                        .add("is_transient", false)
                        .add("error_user_title", "Content in This Language Already Exists")
                        .add(
                            "error_user_msg",
                            "There is already English (US) content for this template. You can"
                                + " create a new template and try again.")
                        .add("fbtrace_id", "A" + UUID.randomUUID().toString().substring(0, 12)))
                .build()
                .toString();
    int status = fresh ? 200 : 400;
    synchronized (this) {
      templateRequests.add(
          new TemplateRequest(
              wabaId, exchange.getRequestHeaders().getFirst("Authorization"), body, status));
    }
    respond(exchange, status, answer);
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
