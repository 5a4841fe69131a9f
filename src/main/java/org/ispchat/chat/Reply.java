package org.ispchat.chat;

import java.util.List;
import java.util.Objects;

/**
 * What the bot says back, independent of any channel. Each channel renders it as well as it can:
 * WhatsApp shows a {@link Menu} as an interactive list, a channel without lists as numbered text.
 */
public sealed interface Reply {

  /** The same reply as plain text with numbered options, for channels without interactive parts. */
  String asText();

  /** Plain text. */
  record Text(String body) implements Reply {
    public Text {
      requireBody(body);
    }

    @Override
    public String asText() {
      return body;
    }
  }

  /** A body and a list of options opened by one button (a WhatsApp list message). */
  record Menu(String body, String button, List<Option> options) implements Reply {
    public Menu {
      requireBody(body);
      Objects.requireNonNull(button, "button");
      options = List.copyOf(options);
      if (options.isEmpty()) {
        throw new IllegalArgumentException("a menu needs at least one option");
      }
    }

    @Override
    public String asText() {
      return numbered(body, options);
    }
  }

  /** A body and up to three quick-reply buttons. */
  record Buttons(String body, List<Option> options) implements Reply {
    public Buttons {
      requireBody(body);
      options = List.copyOf(options);
      if (options.isEmpty()) {
        throw new IllegalArgumentException("buttons need at least one option");
      }
    }

    @Override
    public String asText() {
      return numbered(body, options);
    }
  }

  /**
   * A message we start outside the person's 24-hour window: on WhatsApp's Cloud API an approved
   * template, named with its language and filled with positional body parameters; elsewhere (or
   * where a channel has no templates) the {@code text} it stands for.
   */
  record Template(String name, String language, List<String> parameters, String text)
      implements Reply {
    public Template {
      requireBody(text);
      if (name == null || name.isBlank() || language == null || language.isBlank()) {
        throw new IllegalArgumentException("a template needs a name and a language");
      }
      parameters = List.copyOf(parameters);
    }

    @Override
    public String asText() {
      return text;
    }
  }

  /** One choice: the id comes back when tapped; the title is what the person sees. */
  record Option(String id, String title, String description) {
    public Option {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }

  private static void requireBody(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("a reply needs a body");
    }
  }

  private static String numbered(String body, List<Option> options) {
    StringBuilder text = new StringBuilder(body);
    int n = 1;
    for (Option option : options) {
      // The description is the longer wording; list rows only have room for the short title.
      boolean described = option.description() != null && !option.description().isBlank();
      text.append('\n').append(n++).append(" - ");
      text.append(described ? option.description() : option.title());
    }
    return text.toString();
  }
}
