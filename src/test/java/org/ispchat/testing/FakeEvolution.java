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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an Evolution API v2 server, speaking its wire format: {@code POST
 * /message/sendText/{instance}} answers 201 with the stored message record ({@code key.id}, {@code
 * status: "PENDING"}), {@code GET /instance/connectionState/{instance}} the session state, and
 * errors come as {@code {"status", "error", "response": {"message": [...]}}}. Every call must carry
 * the instance's {@code apikey}. It binds a free port of its own, so the server under test needs no
 * property: an instance created through the admin API points at {@link #url()}.
 */
public final class FakeEvolution {

  private static FakeEvolution shared;

  /** One sendText call. */
  public record Send(
      String instance, String apikey, String number, String text, int status, String keyId) {
    public boolean accepted() {
      return status == 201;
    }
  }

  private final HttpServer server;
  private final Map<String, String> apikeys = new ConcurrentHashMap<>();
  private final Map<String, String> states = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final Set<String> notOnWhatsApp = ConcurrentHashMap.newKeySet();
  private final List<Send> sends = new ArrayList<>();

  private FakeEvolution() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public static synchronized FakeEvolution shared() {
    if (shared == null) {
      try {
        shared = new FakeEvolution();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the fake Evolution API", e);
      }
    }
    return shared;
  }

  /** The server's base URL, for an instance's {@code api_url}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** An instance whose WhatsApp session is open, reachable with this apikey. */
  public void instance(String name, String apikey) {
    apikeys.put(name, apikey);
    states.put(name, "open");
  }

  /** The session state {@code connectionState} reports: open, connecting or close. */
  public void state(String instance, String state) {
    states.put(instance, state);
  }

  /** The next {@code n} sends of this instance answer 500, as Evolution does when Baileys fails. */
  public void failNext(String instance, int n) {
    failures.computeIfAbsent(instance, i -> new AtomicInteger()).set(n);
  }

  /** Sends to this number answer 400 {@code exists: false}. */
  public void notOnWhatsApp(String number) {
    notOnWhatsApp.add(number);
  }

  public synchronized List<Send> sendsTo(String number) {
    return sends.stream().filter(s -> number.equals(s.number())).toList();
  }

  public List<Send> acceptedTo(String number) {
    return sendsTo(number).stream().filter(Send::accepted).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String[] parts = path.split("/"); // "", resource, action, instance
      if (parts.length != 4) {
        respond(exchange, 404, error(404, "Not Found", "Cannot " + method + " " + path));
        return;
      }
      String route = parts[1] + "/" + parts[2];
      String instance = parts[3];
      boolean send = route.equals("message/sendText") && method.equals("POST");
      boolean state = route.equals("instance/connectionState") && method.equals("GET");
      if (!send && !state) {
        respond(exchange, 404, error(404, "Not Found", "Cannot " + method + " " + path));
        return;
      }
      String apikey = exchange.getRequestHeaders().getFirst("apikey");
      JsonObject body = send ? read(exchange) : null;
      if (!apikeys.containsKey(instance)) {
        refuse(
            exchange,
            instance,
            apikey,
            body,
            404,
            error(404, "Not Found", "The \"" + instance + "\" instance does not exist"));
        return;
      }
      if (apikey == null || !apikey.equals(apikeys.get(instance))) {
        refuse(
            exchange,
            instance,
            apikey,
            body,
            401,
            Json.createObjectBuilder()
                .add("status", 401)
                .add("error", "Unauthorized")
                .add("response", Json.createObjectBuilder().add("message", "Unauthorized"))
                .build()
                .toString());
        return;
      }
      if (state) {
        respond(
            exchange,
            200,
            Json.createObjectBuilder()
                .add(
                    "instance",
                    Json.createObjectBuilder()
                        .add("instanceName", instance)
                        .add("state", states.getOrDefault(instance, "close")))
                .build()
                .toString());
        return;
      }
      sendText(exchange, instance, apikey, body);
    }
  }

  private static JsonObject read(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody();
        var reader =
            Json.createReader(
                new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    }
  }

  /** Answers an error; a refused send is recorded too, so tests see it was tried. */
  private void refuse(
      HttpExchange exchange,
      String instance,
      String apikey,
      JsonObject body,
      int status,
      String answer)
      throws IOException {
    if (body != null) {
      synchronized (this) {
        sends.add(
            new Send(
                instance,
                apikey,
                body.getString("number", ""),
                body.getString("text", ""),
                status,
                null));
      }
    }
    respond(exchange, status, answer);
  }

  private void sendText(HttpExchange exchange, String instance, String apikey, JsonObject body)
      throws IOException {
    String number = body.getString("number", "");
    String text = body.getString("text", "");
    AtomicInteger failing = failures.get(instance);
    int status;
    String answer;
    String keyId = null;
    if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      status = 500;
      answer = error(500, "Internal Server Error", "Connection Closed");
    } else if (!"open".equals(states.get(instance))) {
      status = 400;
      answer = error(400, "Bad Request", "Connection Closed");
    } else if (notOnWhatsApp.contains(number)) {
      status = 400;
      answer =
          Json.createObjectBuilder()
              .add("status", 400)
              .add("error", "Bad Request")
              .add(
                  "response",
                  Json.createObjectBuilder()
                      .add(
                          "message",
                          Json.createArrayBuilder()
                              .add(
                                  Json.createObjectBuilder()
                                      .add("exists", false)
                                      .add("jid", number + "@s.whatsapp.net")
                                      .add("number", number))))
              .build()
              .toString();
    } else {
      status = 201;
      keyId = "3EB0" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase();
      answer =
          Json.createObjectBuilder()
              .add(
                  "key",
                  Json.createObjectBuilder()
                      .add("remoteJid", number + "@s.whatsapp.net")
                      .add("fromMe", true)
                      .add("id", keyId))
              .add("pushName", "")
              .add("status", "PENDING")
              .add("message", Json.createObjectBuilder().add("conversation", text))
              .addNull("contextInfo")
              .add("messageType", "conversation")
              .add("messageTimestamp", System.currentTimeMillis() / 1000)
              .add("instanceId", UUID.nameUUIDFromBytes(instance.getBytes()).toString())
              .add("source", "unknown")
              .build()
              .toString();
    }
    synchronized (this) {
      sends.add(new Send(instance, apikey, number, text, status, keyId));
    }
    respond(exchange, status, answer);
  }

  private static String error(int status, String error, String message) {
    return Json.createObjectBuilder()
        .add("status", status)
        .add("error", error)
        .add(
            "response",
            Json.createObjectBuilder().add("message", Json.createArrayBuilder().add(message)))
        .build()
        .toString();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
