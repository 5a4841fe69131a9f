package org.ispchat.chat;

import java.util.List;
import java.util.Objects;

/**
 * A template to submit: its name, language code, body with positional placeholders {{1}}..{{n}},
 * and one example value per placeholder (reviewers need them to approve a template).
 */
public record TemplateDraft(String name, String language, String body, List<String> examples) {
  public TemplateDraft {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(body, "body");
    examples = List.copyOf(examples);
  }
}
