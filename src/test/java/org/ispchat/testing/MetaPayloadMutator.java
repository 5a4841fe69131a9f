package org.ispchat.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Seeded mutations of valid Meta webhook deliveries (built with {@link MetaWebhooks}), for fuzzing
 * the webhook: fields removed, nulled, emptied, of the wrong JSON type, nested deep, huge, in
 * awkward unicode; elements duplicated and reordered; ids duplicated; unknown fields added. A few
 * bodies are made not JSON, or not a WhatsApp Business Account object, on purpose.
 *
 * <p>Each {@link Case} says what the server must answer, and which messages must be stored: those
 * that came through the mutation unchanged, in an unchanged envelope, with an id no mutated element
 * also carries. That judgement is deliberately stricter than the server's, never looser: a message
 * it calls intact is one the server has no excuse to drop.
 */
public final class MetaPayloadMutator {

  /** Looked up once: each static {@code Json.createX()} call scans the class path again. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final String BUSINESS_ACCOUNT = "whatsapp_business_account";
  private static final int MAX_NESTING = 250; // three of these stay under Parsson's 1000 levels

  private static final String[] AWKWARD = {
    "مرحبا", "👍🏽", "e\u0301", "\u0000", "\u0001\u001f", "\ud800", "\udc00", "\ufeff", "\u200b",
    "\u202e", "𝕳𝖊𝖑𝖑𝖔", "\n\t\r", "\"\\/", "Ω≈ç√∫", "ﷺ", "\u2028\u2029", "%s%n{0}", "null"
  };

  /** One delivery to send, and what must come of it. */
  public record Case(
      int index, String body, int expectedStatus, List<Intact> intact, List<String> mutations) {}

  /** A message that must be stored after the delivery was answered. */
  public record Intact(String from, String wamid) {}

  private final Random random;
  private final String runTag;
  private final String phoneNumberId;
  private final List<String> customers;
  private int next;

  /**
   * @param runTag goes into every id, so that a second run on the same database is not answered
   *     "already stored"; the shape of every case comes from the seed alone
   * @param phoneNumberId the business number of every change
   * @param customers the senders to choose from
   */
  public MetaPayloadMutator(
      long seed, String runTag, String phoneNumberId, List<String> customers) {
    this.random = new Random(seed);
    this.runTag = runTag;
    this.phoneNumberId = phoneNumberId;
    this.customers = List.copyOf(customers);
  }

  public Case next() {
    int index = next++;
    JsonObject valid = valid(index);
    List<JsonObject> originals = placedMessages(valid);
    List<String> done = new ArrayList<>();
    int roll = random.nextInt(100);
    if (roll < 4) {
      return new Case(
          index, notABusinessAccountObject(valid.toString(), done), 400, List.of(), done);
    }
    int mutations = roll < 9 ? 0 : roll < 55 ? 1 : roll < 85 ? 2 : 3;
    JsonValue tree = valid;
    for (int i = 0; i < mutations; i++) {
      tree = mutate(tree, done);
    }
    String body = render(tree);
    if (!isBusinessAccount(tree)) {
      return new Case(index, body, 400, List.of(), done);
    }
    List<Intact> intact = new ArrayList<>();
    List<JsonObject> placed = placedMessages(tree);
    placed.retainAll(originals);
    for (JsonObject m : new LinkedHashSet<>(placed)) {
      String wamid = m.getString("id");
      long copies = placed.stream().filter(m::equals).count();
      // An id also carried by a mutated element may be stored with that element's content.
      if (occurrences(body, "\"" + wamid + "\"") == copies) {
        intact.add(new Intact(m.getString("from"), wamid));
      }
    }
    return new Case(index, body, 200, intact, done);
  }

  private JsonObject valid(int index) {
    long now = System.currentTimeMillis() / 1000;
    int n = 0;
    List<List<JsonObject>> entries = new ArrayList<>();
    int entryCount = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
    for (int e = 0; e < entryCount; e++) {
      List<JsonObject> changes = new ArrayList<>();
      int changeCount = random.nextInt(3) == 0 ? 2 : 1;
      for (int c = 0; c < changeCount; c++) {
        List<JsonObject> messages = new ArrayList<>();
        List<JsonObject> statuses = new ArrayList<>();
        int messageCount = random.nextInt(3);
        for (int i = 0; i < messageCount; i++) {
          messages.add(message("wamid.FZ" + runTag + "." + index + "." + n++, now));
        }
        int statusCount = random.nextInt(3);
        for (int i = 0; i < statusCount; i++) {
          statuses.add(status("wamid.FZS" + runTag + "." + index + "." + n++, now));
        }
        if (messages.isEmpty() && statuses.isEmpty()) {
          messages.add(message("wamid.FZ" + runTag + "." + index + "." + n++, now));
        }
        changes.add(MetaWebhooks.value(phoneNumberId, messages, statuses));
      }
      entries.add(changes);
    }
    JsonObject delivery = read(MetaWebhooks.delivery(entries));
    if (random.nextInt(5) == 0) {
      // Meta subscribes one callback to several fields; another field's change rides along.
      JsonObject quality =
          JSON.createObjectBuilder()
              .add("field", "phone_number_quality_update")
              .add("value", JSON.createObjectBuilder().add("event", "THROUGHPUT_UPGRADE"))
              .build();
      delivery =
          (JsonObject)
              replaceAt(
                  delivery,
                  List.of("entry", 0, "changes"),
                  changes -> JSON.createArrayBuilder((JsonArray) changes).add(quality).build());
    }
    return delivery;
  }

  private JsonObject message(String wamid, long now) {
    String from = customers.get(random.nextInt(customers.size()));
    long ts = now - random.nextInt(600);
    return switch (random.nextInt(6)) {
      case 0 -> MetaWebhooks.listReply(from, wamid, "menu.balance", "Balance", ts);
      case 1 -> MetaWebhooks.buttonReply(from, wamid, "plan.confirm", "Confirm", ts);
      case 2 -> MetaWebhooks.templateButton(from, wamid, "pay-now", ts);
      case 3 -> MetaWebhooks.media(from, wamid, pick("image", "audio", "document", "sticker"), ts);
      default ->
          MetaWebhooks.text(
              from, wamid, pick("hi", "My internet is down", "مرحبا 👋", "saldo?", "1"), ts);
    };
  }

  private JsonObject status(String wamid, long now) {
    long ts = now - random.nextInt(600);
    String recipient = customers.get(random.nextInt(customers.size()));
    JsonObject status =
        random.nextInt(4) == 0
            ? MetaWebhooks.failedStatus(wamid, ts, recipient, 131047, "Re-engagement message")
            : MetaWebhooks.status(wamid, pick("sent", "delivered", "read"), ts, recipient);
    if (random.nextInt(4) == 0) {
      // A user known only by a business-scoped id: no phone number to report.
      return JSON.createObjectBuilder(status).remove("recipient_id").build();
    }
    return status;
  }

  private enum Op {
    REMOVE(15),
    NULL(12),
    EMPTY(10),
    WRONG_TYPE(20),
    DEEP(5),
    HUGE(5),
    UNICODE(10),
    DUPLICATE(6),
    DUPLICATE_ID(6),
    UNKNOWN_FIELD(8),
    REORDER(3);

    final int weight;

    Op(int weight) {
      this.weight = weight;
    }
  }

  private JsonValue mutate(JsonValue tree, List<String> done) {
    List<List<Object>> paths = new ArrayList<>();
    collect(tree, new ArrayList<>(), paths);
    if (paths.isEmpty()) {
      done.add("(nothing left to mutate)");
      return tree;
    }
    List<Object> path = paths.get(random.nextInt(paths.size()));
    JsonValue node = at(tree, path);
    Op op = op();
    done.add(op + " at " + path);
    return switch (op) {
      case REMOVE -> replaceAt(tree, parent(path), p -> without(p, last(path)));
      case NULL -> replaceAt(tree, path, v -> JsonValue.NULL);
      case EMPTY -> replaceAt(tree, path, v -> JSON.createValue(""));
      case WRONG_TYPE -> replaceAt(tree, path, this::otherType);
      case DEEP -> replaceAt(tree, path, this::nested);
      case HUGE -> replaceAt(tree, path, v -> JSON.createValue(huge()));
      case UNICODE -> replaceAt(tree, path, this::awkward);
      case DUPLICATE -> replaceAt(tree, parent(path), p -> duplicated(p, last(path)));
      case DUPLICATE_ID -> duplicateId(tree, done);
      case UNKNOWN_FIELD ->
          replaceAt(
              tree,
              node instanceof JsonObject ? path : List.of(),
              o ->
                  JSON.createObjectBuilder((JsonObject) o)
                      .add("x_future_" + random.nextInt(1000), otherType(JsonValue.TRUE))
                      .build());
      case REORDER ->
          node instanceof JsonArray a
              ? replaceAt(tree, path, v -> reversed(a))
              : replaceAt(tree, path, this::otherType);
    };
  }

  private Op op() {
    int total = 0;
    for (Op op : Op.values()) {
      total += op.weight;
    }
    int roll = random.nextInt(total);
    for (Op op : Op.values()) {
      roll -= op.weight;
      if (roll < 0) {
        return op;
      }
    }
    throw new IllegalStateException();
  }

  private JsonValue otherType(JsonValue current) {
    List<JsonValue> choices = new ArrayList<>();
    if (!(current instanceof jakarta.json.JsonNumber)) {
      choices.add(JSON.createValue(random.nextLong()));
      choices.add(JSON.createValue(0));
      choices.add(JSON.createValue(-1));
      choices.add(JSON.createValue(1.5));
      choices.add(JSON.createValue(new BigDecimal("1e400")));
      choices.add(JSON.createValue(new BigInteger("123456789012345678901234567890")));
    }
    if (!(current instanceof JsonString)) {
      choices.add(JSON.createValue(pick("", "0", "1749416383", "true", "null", "[]", "x")));
    }
    if (current.getValueType() != JsonValue.ValueType.TRUE
        && current.getValueType() != JsonValue.ValueType.FALSE) {
      choices.add(random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE);
    }
    if (!(current instanceof JsonObject)) {
      choices.add(JsonValue.EMPTY_JSON_OBJECT);
      choices.add(JSON.createObjectBuilder().add("id", "x").add("body", 1).build());
    }
    if (!(current instanceof JsonArray)) {
      choices.add(JsonValue.EMPTY_JSON_ARRAY);
      choices.add(JSON.createArrayBuilder().add(1).add("x").addNull().build());
      choices.add(JSON.createArrayBuilder().add(JsonValue.EMPTY_JSON_OBJECT).build());
    }
    return choices.get(random.nextInt(choices.size()));
  }

  private JsonValue nested(JsonValue v) {
    int depth = 1 + random.nextInt(MAX_NESTING);
    boolean arrays = random.nextBoolean();
    JsonValue wrapped = v;
    for (int i = 0; i < depth; i++) {
      wrapped =
          arrays
              ? JSON.createArrayBuilder().add(wrapped).build()
              : JSON.createObjectBuilder().add("a", wrapped).build();
    }
    return wrapped;
  }

  private String huge() {
    int length = 10_000 + random.nextInt(90_000);
    StringBuilder block = new StringBuilder();
    while (block.length() < 500) {
      if (random.nextInt(20) == 0) {
        block.append(pick(AWKWARD));
      } else {
        block.append((char) ('a' + random.nextInt(26)));
      }
    }
    return block.toString().repeat(length / block.length() + 1).substring(0, length);
  }

  /** Awkward unicode in place of the value, or inside it when it is a string. */
  private JsonValue awkward(JsonValue v) {
    String odd = pick(AWKWARD);
    if (v instanceof JsonString s && random.nextBoolean()) {
      String text = s.getString();
      int at = random.nextInt(text.length() + 1);
      return JSON.createValue(text.substring(0, at) + odd + text.substring(at));
    }
    return JSON.createValue(odd);
  }

  /** One message or status takes the id of another element of the delivery. */
  private JsonValue duplicateId(JsonValue tree, List<String> done) {
    List<List<Object>> paths = new ArrayList<>();
    collect(tree, new ArrayList<>(), paths);
    List<List<Object>> identified =
        paths.stream()
            .filter(p -> p.size() >= 2 && p.get(p.size() - 2) instanceof String key)
            .filter(p -> List.of("messages", "statuses").contains(p.get(p.size() - 2)))
            .filter(p -> at(tree, p) instanceof JsonObject o && o.get("id") instanceof JsonString)
            .toList();
    if (identified.size() < 2) {
      done.add("(no two ids to share)");
      return tree;
    }
    List<Object> target = identified.get(random.nextInt(identified.size()));
    List<Object> source = identified.get(random.nextInt(identified.size()));
    String id = ((JsonObject) at(tree, source)).getString("id");
    done.add("id of " + source + " given to " + target);
    return replaceAt(
        tree, target, o -> JSON.createObjectBuilder((JsonObject) o).add("id", id).build());
  }

  private String notABusinessAccountObject(String valid, List<String> done) {
    int how = random.nextInt(7);
    done.add("not a business account object #" + how);
    return switch (how) {
      case 0 -> valid.substring(0, random.nextInt(valid.length() - 1)); // truncated
      case 1 -> "[" + valid + "]";
      case 2 -> pick("42", "\"whatsapp_business_account\"", "null", "true", "[]");
      case 3 -> valid.replace(BUSINESS_ACCOUNT, pick("page", "instagram", "", "WHATSAPP"));
      case 4 -> valid.replaceFirst("\"object\":\"whatsapp_business_account\",", "");
      case 5 -> "object=whatsapp_business_account&entry=" + valid.length();
      default -> valid.replaceFirst(":", "=");
    };
  }

  private static boolean isBusinessAccount(JsonValue tree) {
    return tree instanceof JsonObject root
        && root.get("object") instanceof JsonString object
        && object.getString().equals(BUSINESS_ACCOUNT);
  }

  /** Message objects in places exactly as Meta puts them, under our business number. */
  private List<JsonObject> placedMessages(JsonValue tree) {
    List<JsonObject> found = new ArrayList<>();
    if (!isBusinessAccount(tree)) {
      return found;
    }
    for (JsonObject entry : objects(((JsonObject) tree).get("entry"))) {
      for (JsonObject change : objects(entry.get("changes"))) {
        if (!(change.get("field") instanceof JsonString field
            && field.getString().equals("messages")
            && change.get("value") instanceof JsonObject value
            && value.get("metadata") instanceof JsonObject metadata
            && metadata.get("phone_number_id") instanceof JsonString number
            && number.getString().equals(phoneNumberId))) {
          continue;
        }
        found.addAll(objects(value.get("messages")));
      }
    }
    return found;
  }

  private static List<JsonObject> objects(JsonValue array) {
    if (!(array instanceof JsonArray a)) {
      return List.of();
    }
    return a.stream().filter(v -> v instanceof JsonObject).map(v -> (JsonObject) v).toList();
  }

  private static long occurrences(String text, String part) {
    long n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  /** Every node but the root, as a path of keys and indexes. */
  private static void collect(JsonValue node, List<Object> path, List<List<Object>> out) {
    if (!path.isEmpty()) {
      out.add(List.copyOf(path));
    }
    if (node instanceof JsonObject o) {
      for (String key : o.keySet()) {
        path.add(key);
        collect(o.get(key), path, out);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        path.add(i);
        collect(a.get(i), path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  private static JsonValue at(JsonValue root, List<Object> path) {
    JsonValue node = root;
    for (Object step : path) {
      node =
          step instanceof String key
              ? node.asJsonObject().get(key)
              : ((JsonArray) node).get((int) step);
    }
    return node;
  }

  private static JsonValue replaceAt(
      JsonValue root, List<Object> path, UnaryOperator<JsonValue> change) {
    if (path.isEmpty()) {
      return change.apply(root);
    }
    Object step = path.get(0);
    List<Object> rest = path.subList(1, path.size());
    if (step instanceof String key) {
      JsonObject o = root.asJsonObject();
      return JSON.createObjectBuilder(o).add(key, replaceAt(o.get(key), rest, change)).build();
    }
    JsonArray a = (JsonArray) root;
    JsonArrayBuilder b = JSON.createArrayBuilder();
    for (int i = 0; i < a.size(); i++) {
      b.add(i == (int) step ? replaceAt(a.get(i), rest, change) : a.get(i));
    }
    return b.build();
  }

  private static JsonValue without(JsonValue parent, Object step) {
    if (step instanceof String key) {
      return JSON.createObjectBuilder(parent.asJsonObject()).remove(key).build();
    }
    JsonArrayBuilder b = JSON.createArrayBuilder();
    JsonArray a = (JsonArray) parent;
    for (int i = 0; i < a.size(); i++) {
      if (i != (int) step) {
        b.add(a.get(i));
      }
    }
    return b.build();
  }

  /** An array element twice in a row; a field's value also under an unknown name. */
  private static JsonValue duplicated(JsonValue parent, Object step) {
    if (step instanceof String key) {
      JsonObject o = parent.asJsonObject();
      return JSON.createObjectBuilder(o).add(key + "_copy", o.get(key)).build();
    }
    JsonArrayBuilder b = JSON.createArrayBuilder();
    JsonArray a = (JsonArray) parent;
    for (int i = 0; i < a.size(); i++) {
      b.add(a.get(i));
      if (i == (int) step) {
        b.add(a.get(i));
      }
    }
    return b.build();
  }

  private static JsonValue reversed(JsonArray a) {
    JsonArrayBuilder b = JSON.createArrayBuilder();
    for (int i = a.size() - 1; i >= 0; i--) {
      b.add(a.get(i));
    }
    return b.build();
  }

  private static List<Object> parent(List<Object> path) {
    return path.subList(0, path.size() - 1);
  }

  private static Object last(List<Object> path) {
    return path.get(path.size() - 1);
  }

  /** Half the bodies as Meta sends them: every non-ASCII character as a \\u escape. */
  private String render(JsonValue tree) {
    String json = tree.toString();
    if (random.nextBoolean()) {
      return json;
    }
    StringBuilder ascii = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < 0x7f) {
        ascii.append(c);
      } else {
        String hex = Integer.toHexString(c);
        ascii.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
      }
    }
    return ascii.toString();
  }

  private static JsonObject read(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private String pick(String... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
