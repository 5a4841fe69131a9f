package org.ispchat.chat.whatsapp;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ispchat.chat.Clip;
import org.ispchat.chat.Reply;

/**
 * Turns a {@link Reply} into the body of a Graph API {@code /messages} call, within Meta's limits:
 * list of at most 10 rows (title 24, description 72, button 20), at most 3 reply buttons with
 * unique titles of 20, interactive body 1024, text 4096. What cannot fit falls back to the next
 * simpler form (buttons to list, list to numbered text) rather than being cut short.
 */
public final class WhatsAppMessages {

  static final int TEXT_MAX = 4096;
  static final int INTERACTIVE_BODY_MAX = 1024;
  static final int LIST_ROWS_MAX = 10;
  static final int ROW_TITLE_MAX = 24;
  static final int ROW_DESCRIPTION_MAX = 72;
  static final int ROW_ID_MAX = 200;
  static final int LIST_BUTTON_MAX = 20;
  static final int BUTTONS_MAX = 3;
  static final int BUTTON_TITLE_MAX = 20;
  static final int BUTTON_ID_MAX = 256;

  private WhatsAppMessages() {}

  public static JsonObject toGraph(String recipient, Reply reply, String correlation) {
    JsonObjectBuilder message =
        JSON.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("recipient_type", "individual")
            .add("to", recipient);
    if (correlation != null) {
      // Echoed back in status webhooks: lets a receipt find its row before the wamid is recorded.
      message.add("biz_opaque_callback_data", correlation);
    }
    Reply fitted = fit(reply);
    if (fitted instanceof Reply.Template t) {
      message.add("type", "template").add("template", template(t));
    } else if (fitted instanceof Reply.Menu m) {
      message.add("type", "interactive").add("interactive", list(m));
    } else if (fitted instanceof Reply.Buttons b) {
      message.add("type", "interactive").add("interactive", buttons(b));
    } else {
      message
          .add("type", "text")
          .add(
              "text",
              JSON.createObjectBuilder()
                  .add("body", Clip.withEllipsis(fitted.asText(), TEXT_MAX))
                  .add("preview_url", false));
    }
    return message.build();
  }

  /** The richest form of the reply that fits Meta's limits. */
  static Reply fit(Reply reply) {
    if (reply instanceof Reply.Menu m) {
      return m.options().size() <= LIST_ROWS_MAX && m.body().length() <= INTERACTIVE_BODY_MAX
          ? m
          : new Reply.Text(m.asText());
    }
    if (reply instanceof Reply.Buttons b) {
      if (b.body().length() > INTERACTIVE_BODY_MAX) {
        return new Reply.Text(b.asText());
      }
      if (b.options().size() <= BUTTONS_MAX && uniqueTitles(b.options())) {
        return b;
      }
      return fit(new Reply.Menu(b.body(), "Options", b.options()));
    }
    return reply;
  }

  /** Positional body parameters, as the four default notice templates are written. */
  private static JsonObjectBuilder template(Reply.Template t) {
    JsonObjectBuilder template =
        JSON.createObjectBuilder()
            .add("name", t.name())
            .add("language", JSON.createObjectBuilder().add("code", t.language()));
    if (!t.parameters().isEmpty()) {
      JsonArrayBuilder parameters = JSON.createArrayBuilder();
      for (String p : t.parameters()) {
        parameters.add(JSON.createObjectBuilder().add("type", "text").add("text", p));
      }
      template.add(
          "components",
          JSON.createArrayBuilder()
              .add(JSON.createObjectBuilder().add("type", "body").add("parameters", parameters)));
    }
    return template;
  }

  private static JsonObjectBuilder list(Reply.Menu m) {
    JsonArrayBuilder rows = JSON.createArrayBuilder();
    for (Reply.Option o : m.options()) {
      JsonObjectBuilder row =
          JSON.createObjectBuilder()
              .add("id", Clip.withEllipsis(o.id(), ROW_ID_MAX))
              .add("title", Clip.withEllipsis(o.title(), ROW_TITLE_MAX));
      if (o.description() != null && !o.description().isBlank()) {
        row.add("description", Clip.withEllipsis(o.description(), ROW_DESCRIPTION_MAX));
      }
      rows.add(row);
    }
    return JSON.createObjectBuilder()
        .add("type", "list")
        .add("body", JSON.createObjectBuilder().add("text", m.body()))
        .add(
            "action",
            JSON.createObjectBuilder()
                .add("button", Clip.withEllipsis(m.button(), LIST_BUTTON_MAX))
                .add(
                    "sections",
                    JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("rows", rows))));
  }

  private static JsonObjectBuilder buttons(Reply.Buttons b) {
    JsonArrayBuilder buttons = JSON.createArrayBuilder();
    for (Reply.Option o : b.options()) {
      buttons.add(
          JSON.createObjectBuilder()
              .add("type", "reply")
              .add(
                  "reply",
                  JSON.createObjectBuilder()
                      .add("id", Clip.withEllipsis(o.id().strip(), BUTTON_ID_MAX))
                      .add("title", Clip.withEllipsis(o.title(), BUTTON_TITLE_MAX))));
    }
    return JSON.createObjectBuilder()
        .add("type", "button")
        .add("body", JSON.createObjectBuilder().add("text", b.body()))
        .add("action", JSON.createObjectBuilder().add("buttons", buttons));
  }

  private static boolean uniqueTitles(List<Reply.Option> options) {
    Set<String> seen = new HashSet<>();
    for (Reply.Option o : options) {
      if (!seen.add(Clip.withEllipsis(o.title(), BUTTON_TITLE_MAX))) {
        return false;
      }
    }
    return true;
  }
}
