package org.ispchat.chat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a phone number typed by a person (an admin, an ISP in its billing system) becomes the sender
 * id a channel uses: international digits without {@code +}, as WhatsApp reports them ({@code
 * wa_id}, e.g. {@code 218912345678}).
 *
 * <p>Billing systems keep phone fields as free text: local ({@code 0912345678}) or international
 * ({@code +218 91 345 6789}, {@code 00218...}, or {@code 218913456789} without a plus, as WhatsApp
 * and many exports write it), with spaces, dashes, dots and brackets, and often several numbers in
 * one field. Digits without a plus are read as international first when that gives a valid number
 * (no country code starts with a trunk prefix {@code 0}, so local numbers are not mistaken), and
 * otherwise as a number of the ISP's region.
 */
public final class PhoneNumber {

  private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

  /** What separates several numbers in one field. */
  private static final Pattern SEPARATORS = Pattern.compile("[,;/\\n\\r|]+");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The fewest digits a part needs before it is taken for a number. */
  private static final int MIN_DIGITS = 6;

  private PhoneNumber() {}

  /**
   * The number's characters without {@code + - ( )} and white space; empty when nothing is left.
   */
  public static Optional<String> asSender(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String sender = typed.replaceAll("[\\s+()\\-]", "");
    return sender.isEmpty() ? Optional.empty() : Optional.of(sender);
  }

  /** Whether libphonenumber knows this region code ({@code LY}, {@code ZA}, ...). */
  public static boolean knownRegion(String region) {
    return region != null
        && NUMBERS.getSupportedRegions().contains(region.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * Every valid number in a phone field, as international digits, in the order typed and without
   * repeats; parts that are no valid number are skipped.
   */
  public static List<String> parseAll(String field, String region) {
    if (field == null || field.isBlank()) {
      return List.of();
    }
    Set<String> numbers = new LinkedHashSet<>();
    for (String part : SEPARATORS.split(field)) {
      Optional<String> number = parseOne(part, region);
      if (number.isPresent()) {
        numbers.add(number.get());
      } else {
        // "0912345678 0925556677": numbers separated by a space only.
        for (String word : SPACES.split(part.strip())) {
          if (digits(word).length() >= MIN_DIGITS) {
            parseOne(word, region).ifPresent(numbers::add);
          }
        }
      }
    }
    return List.copyOf(numbers);
  }

  /**
   * Whether any number in the field is this one. A field part whose digits equal the given ones
   * matches too, so a number libphonenumber does not yet know (a new range) still finds its owner.
   */
  public static boolean sameNumber(String typedByIsp, String internationalDigits, String region) {
    String wanted = digits(internationalDigits == null ? "" : internationalDigits);
    if (wanted.startsWith("00")) {
      wanted = wanted.substring(2);
    }
    if (wanted.length() < MIN_DIGITS || typedByIsp == null) {
      return false;
    }
    String target = parseOne("+" + wanted, region).orElse(wanted);
    if (parseAll(typedByIsp, region).contains(target)) {
      return true;
    }
    for (String part : SEPARATORS.split(typedByIsp)) {
      String typed = digits(part);
      if (typed.startsWith("00")) {
        typed = typed.substring(2);
      }
      if (typed.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** One typed number as international digits: {@code +218 91-234-5678} → {@code 218912345678}. */
  public static Optional<String> international(String typed, String region) {
    return typed == null ? Optional.empty() : parseOne(typed, region);
  }

  private static Optional<String> parseOne(String typed, String region) {
    String text = typed.strip();
    String digits = digits(text);
    if (digits.length() < MIN_DIGITS) {
      return Optional.empty();
    }
    List<String> candidates = new ArrayList<>(3);
    if (text.startsWith("+")) {
      candidates.add("+" + digits);
    } else if (digits.startsWith("00")) {
      candidates.add("+" + digits.substring(2));
    } else {
      candidates.add("+" + digits);
      candidates.add(digits);
    }
    for (String candidate : candidates) {
      Optional<String> valid = valid(candidate, region);
      if (valid.isPresent()) {
        return valid;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> valid(String candidate, String region) {
    try {
      Phonenumber.PhoneNumber number =
          NUMBERS.parse(candidate, region == null ? "ZZ" : region.strip().toUpperCase(Locale.ROOT));
      if (!NUMBERS.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(number.getCountryCode() + NUMBERS.getNationalSignificantNumber(number));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  private static String digits(String text) {
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      // Arabic-Indic digits (as a phone keyboard in Arabic types them) count as their ASCII twins.
      int digit = Character.digit(text.charAt(i), 10);
      if (digit >= 0) {
        digits.append((char) ('0' + digit));
      }
    }
    return digits.toString();
  }
}
