package org.ispchat.dialog;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The bot's words, per language, from {@code messages*.properties}. */
public final class BotTexts {

  private final ResourceBundle bundle;

  public BotTexts(Language language) {
    this.bundle =
        ResourceBundle.getBundle(
            "messages", language.locale(), BotTexts.class.getClassLoader(), NO_FALLBACK_TO_JVM);
  }

  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("bot text '" + key + "' is missing", e);
    }
  }

  /**
   * The text with {@code {0}}, {@code {1}}, ... replaced by the arguments, in order. Plain
   * replacement rather than MessageFormat: texts are edited by admins, and MessageFormat would eat
   * their apostrophes.
   */
  public String format(String key, Object... args) {
    String text = get(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  // Without this, a server running with an Arabic default locale would answer English speakers in
  // Arabic: the base bundle (English) must be the fallback, not the JVM's locale.
  private static final ResourceBundle.Control NO_FALLBACK_TO_JVM =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
