package org.ispchat.chat;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/** Stores a {@link Reply} as a small JSON document in the outbox, and reads it back. */
public final class ReplyCodec {

  private ReplyCodec() {}

  public static String encode(Reply reply) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    if (reply instanceof Reply.Text t) {
      json.add("type", "text").add("body", t.body());
    } else if (reply instanceof Reply.Menu m) {
      json.add("type", "menu")
          .add("body", m.body())
          .add("button", m.button())
          .add("options", options(m.options()));
    } else if (reply instanceof Reply.Buttons b) {
      json.add("type", "buttons").add("body", b.body()).add("options", options(b.options()));
    } else if (reply instanceof Reply.Template t) {
      JsonArrayBuilder parameters = JSON.createArrayBuilder();
      t.parameters().forEach(parameters::add);
      json.add("type", "template")
          .add("name", t.name())
          .add("language", t.language())
          .add("parameters", parameters)
          .add("body", t.text());
    }
    return json.build().toString();
  }

  public static Reply decode(String stored) {
    JsonObject json;
    try (var reader = JSON.createReader(new StringReader(stored))) {
      json = reader.readObject();
    }
    String type = json.getString("type");
    return switch (type) {
      case "text" -> new Reply.Text(json.getString("body"));
      case "menu" ->
          new Reply.Menu(
              json.getString("body"),
              json.getString("button"),
              options(json.getJsonArray("options")));
      case "buttons" ->
          new Reply.Buttons(json.getString("body"), options(json.getJsonArray("options")));
      case "template" ->
          new Reply.Template(
              json.getString("name"),
              json.getString("language"),
              json.getJsonArray("parameters").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList(),
              json.getString("body"));
      default -> throw new IllegalArgumentException("unknown stored reply type " + type);
    };
  }

  /** A short label for logs and the message log: never the body. */
  public static String kindOf(Reply reply) {
    if (reply instanceof Reply.Menu) {
      return "menu";
    }
    if (reply instanceof Reply.Template) {
      return "template";
    }
    return reply instanceof Reply.Buttons ? "buttons" : "text";
  }

  private static JsonArrayBuilder options(List<Reply.Option> options) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Reply.Option o : options) {
      JsonObjectBuilder item = JSON.createObjectBuilder().add("id", o.id()).add("title", o.title());
      if (o.description() != null) {
        item.add("description", o.description());
      }
      array.add(item);
    }
    return array;
  }

  private static List<Reply.Option> options(jakarta.json.JsonArray array) {
    return array.getValuesAs(JsonObject.class).stream()
        .map(
            o ->
                new Reply.Option(
                    o.getString("id"),
                    o.getString("title"),
                    o.get("description") instanceof JsonString s ? s.getString() : null))
        .toList();
  }
}
