package org.ispchat.autoreply;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a customer wrote, in the forms keywords are compared with. Used on both sides: the message
 * and the admin's keyword go through the same steps, so a keyword matches however it was typed.
 *
 * <p>Arabic is folded harder than a reader would: customers rarely write the harakat, type the
 * tatweel for looks, and spell hamza on alef, alef maqsura and ta marbuta inconsistently (phone
 * keyboards and autocorrect make {@code مشكله} and {@code مشكلة}, {@code الانترنت} and {@code
 * الإنترنت} equally common). Folding both sides lets an admin write a keyword once, correctly, and
 * still catch every spelling. The folded text is only compared, never shown to anyone.
 */
final class NormalisedText {

  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private NormalisedText() {}

  /**
   * For regular expressions: NFKC, trimmed, whitespace runs as one space; letters otherwise as
   * written, so the admin's pattern sees what the customer typed (it is matched ignoring case).
   */
  static String forPattern(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return WHITESPACE.matcher(nfkc).replaceAll(" ").strip();
  }

  /**
   * For EXACT and CONTAINS: the words, lower-cased and folded. Punctuation, emoji and symbols
   * separate words ({@code "support?"} is the word {@code support}), as people add them freely.
   */
  static List<String> words(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < nfkc.length(); ) {
      int cp = nfkc.codePointAt(i);
      i += Character.charCount(cp);
      if (isIgnoredArabicMark(cp)) {
        continue;
      }
      cp = foldArabicLetter(cp);
      if (isWordPart(cp)) {
        word.appendCodePoint(cp);
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /** Tatweel (U+0640), harakat and other Arabic marks (U+064B–U+065F), superscript alef. */
  private static boolean isIgnoredArabicMark(int cp) {
    return cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
  }

  private static int foldArabicLetter(int cp) {
    return switch (cp) {
      case 0x0622, 0x0623, 0x0625, 0x0671 -> 0x0627; // آ أ إ ٱ → ا
      case 0x0649, 0x06CC -> 0x064A; // ى and the Persian-keyboard ی → ي
      case 0x0629 -> 0x0647; // ة → ه
      case 0x06A9 -> 0x0643; // Persian-keyboard ک → ك
      default -> cp;
    };
  }

  private static boolean isWordPart(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  static boolean isArabic(String word) {
    return word.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC);
  }
}
