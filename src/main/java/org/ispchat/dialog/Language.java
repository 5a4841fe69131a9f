package org.ispchat.dialog;

import java.util.Locale;

/** The languages the bot speaks. The code is stored on the chat. */
public enum Language {
  ENGLISH("en"),
  ARABIC("ar");

  public final String code;

  Language(String code) {
    this.code = code;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  public static Language ofCode(String code) {
    return "ar".equals(code) ? ARABIC : ENGLISH;
  }

  /**
   * The language a message is written in, or {@code previous} when the text does not tell (digits,
   * emoji, a voucher code). Arabic script wins over Latin: Arabic speakers often mix in Latin
   * words.
   */
  public static Language detect(String text, Language previous) {
    if (text == null) {
      return previous;
    }
    boolean latin = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.ARABIC && Character.isLetter(cp)) {
        return ARABIC;
      }
      if (script == Character.UnicodeScript.LATIN && Character.isLetter(cp)) {
        latin = true;
      }
      i += Character.charCount(cp);
    }
    return latin ? ENGLISH : previous;
  }
}
