package org.ispchat.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a notice: the default texts and template bodies ({@code notices*.properties}) and
 * how a text is filled from a request. Plain and stateless, so tests drive it directly.
 */
public final class NoticeWording {

  /** The request fields a text or template parameter may name, in the default order. */
  public static final List<String> FIELDS =
      List.of("customer_name", "amount", "invoice_id", "due_date");

  /** The four default templates are named {@code ispchat_<message_type>}. */
  public static final String TEMPLATE_PREFIX = "ispchat_";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

  private NoticeWording() {}

  /** The default free text of this notice type in this language ({@code en} or {@code ar}). */
  public static String defaultText(MessageType type, String language) {
    return bundle(language).getString(type.wire() + ".text");
  }

  /** The default template's body, with {{1}}.. placeholders, as submitted to WhatsApp. */
  public static String defaultTemplateBody(MessageType type, String language) {
    return bundle(language).getString(type.wire() + ".template");
  }

  public static String defaultTemplateName(MessageType type) {
    return TEMPLATE_PREFIX + type.wire();
  }

  /** Which fields fill the default template's parameters, in order. */
  public static List<String> defaultParameters(MessageType type) {
    return FIELDS.subList(0, placeholders(defaultTemplateBody(type, "en")));
  }

  /** How many distinct {{n}} placeholders a template body has. */
  public static int placeholders(String body) {
    Matcher m = PLACEHOLDER.matcher(body);
    int highest = 0;
    while (m.find()) {
      highest = Math.max(highest, Integer.parseInt(m.group(1)));
    }
    return highest;
  }

  public static String text(String key, String language) {
    try {
      return bundle(language).getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("notice text '" + key + "' is missing", e);
    }
  }

  /**
   * Fills a text's {@code {field}} placeholders. A line naming {@code {due_date}} is left out when
   * there is no due date, so no customer reads "Due date: " followed by nothing.
   */
  public static String fill(String text, Map<String, String> values) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.contains("{due_date}") && values.get("due_date") == null) {
        continue;
      }
      String filled = line;
      for (String field : FIELDS) {
        String value = values.get(field);
        filled = filled.replace("{" + field + "}", value == null ? "" : value);
      }
      lines.add(filled);
    }
    return String.join("\n", lines).strip();
  }

  /** The values of a request's fields as a customer reads them. */
  public static Map<String, String> values(NotificationRequest request) {
    java.util.HashMap<String, String> values = new java.util.HashMap<>();
    values.put("customer_name", request.customerName());
    values.put("amount", Amounts.format(request.amount(), request.currency()));
    String invoice = request.invoiceId();
    values.put("invoice_id", invoice.startsWith("#") ? invoice.substring(1) : invoice);
    values.put("due_date", request.dueDate().map(LocalDate::toString).orElse(null));
    return values;
  }

  private static ResourceBundle bundle(String language) {
    return ResourceBundle.getBundle(
        "notices",
        "ar".equals(language) ? Locale.forLanguageTag("ar") : Locale.ROOT,
        NoticeWording.class.getClassLoader(),
        NO_FALLBACK_TO_JVM);
  }

  private static final ResourceBundle.Control NO_FALLBACK_TO_JVM =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
