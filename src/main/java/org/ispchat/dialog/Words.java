package org.ispchat.dialog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What customers type, read the way a person would: Arabic-Indic digits as digits, any case, extra
 * spaces and a trailing full stop ignored, and the few command words the bot knows in both
 * languages.
 */
public final class Words {

  private static final Set<String> MENU =
      Set.of("menu", "0", "قائمة", "القائمة", "قائمه", "القائمه");
  private static final Set<String> YES =
      Set.of("yes", "y", "confirm", "ok", "نعم", "اي", "أيوه", "ايوه", "تأكيد", "تاكيد", "موافق");
  private static final Set<String> NO = Set.of("no", "n", "cancel", "لا", "إلغاء", "الغاء");
  private static final Set<String> AGENT =
      Set.of("agent", "human", "person", "موظف", "الموظف", "ممثل", "خدمة العملاء");
  private static final Set<String> TEST = Set.of("test", "فحص", "اختبار");
  private static final Set<String> STOP =
      Set.of("stop", "unsubscribe", "إيقاف", "ايقاف", "أوقف", "اوقف", "توقف");
  private static final Set<String> START = Set.of("start", "ابدأ", "ابدا", "إبدأ", "اشتراك");
  private static final Set<String> ENGLISH = Set.of("english", "انجليزي", "إنجليزي", "en");
  private static final Set<String> ARABIC = Set.of("عربي", "العربية", "عربى", "arabic", "ar");

  /** "Recharge 1234", "recharge: 1234", "شحن 1234", "اشحن 1234". */
  private static final Pattern RECHARGE =
      Pattern.compile(
          "^(?:recharge|top ?up|شحن|اشحن|إشحن)\\s*[:#-]?\\s*([\\p{Alnum}][\\p{Alnum}-]{2,63})$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private Words() {}

  /**
   * The text as the bot compares it: Unicode-normalised, digits in ASCII, lower case, single
   * spaces, no surrounding spaces or final punctuation. Null stays null.
   */
  public static String normal(String text) {
    if (text == null) {
      return null;
    }
    // Tatweel (U+0640) only stretches a word.
    String t = asciiDigits(Normalizer.normalize(text, Normalizer.Form.NFKC)).replace("\u0640", "");
    String s = t.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    return s.replaceAll("[.!؟?،,]+$", "").strip();
  }

  public static boolean isMenu(String normal) {
    return normal != null && MENU.contains(normal);
  }

  public static boolean isYes(String normal) {
    return normal != null && YES.contains(normal);
  }

  public static boolean isNo(String normal) {
    return normal != null && NO.contains(normal);
  }

  public static boolean isAgent(String normal) {
    return normal != null && AGENT.contains(normal);
  }

  /** STOP / إيقاف: no more billing reminders. */
  public static boolean isStop(String normal) {
    return normal != null && STOP.contains(normal);
  }

  /** START / ابدأ: reminders again. */
  public static boolean isStart(String normal) {
    return normal != null && START.contains(normal);
  }

  public static boolean isTest(String normal) {
    return normal != null && TEST.contains(normal);
  }

  /** The language a customer asks for by name, if the message is just that. */
  public static Optional<Language> languageAsked(String normal) {
    if (normal == null) {
      return Optional.empty();
    }
    if (ENGLISH.contains(normal)) {
      return Optional.of(Language.ENGLISH);
    }
    if (ARABIC.contains(normal)) {
      return Optional.of(Language.ARABIC);
    }
    return Optional.empty();
  }

  /** The card code of a "Recharge <code>" message. Codes keep their case: they are the card's. */
  public static Optional<String> rechargeCode(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = asciiDigits(text).strip();
    Matcher m = RECHARGE.matcher(t);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** A bare card code typed when the bot asked for one. */
  public static Optional<String> cardCode(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = asciiDigits(text).strip().replace(" ", "");
    return t.matches("[\\p{Alnum}][\\p{Alnum}-]{2,63}") ? Optional.of(t) : Optional.empty();
  }

  /** A number typed to pick an option (1-based), if the message is only that. */
  public static Optional<Integer> choiceNumber(String normal) {
    if (normal == null || !normal.matches("\\d{1,2}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(normal));
  }

  private static String asciiDigits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u0660' && c <= '\u0669') {
        out.append((char) ('0' + (c - '\u0660')));
      } else if (c >= '\u06F0' && c <= '\u06F9') {
        out.append((char) ('0' + (c - '\u06F0')));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
