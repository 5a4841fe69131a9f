package org.ispchat.dialog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers the way customers read them: money with two decimals and the ISP's currency, data in GB
 * or MB, speeds in Mbps, dates with the month's name in the customer's language. ASCII digits in
 * both languages: that is what Libyan and most Arab ISPs' customers see on their bills.
 */
public final class Formats {

  private static final double GB = 1024d * 1024 * 1024;
  private static final double MB = 1024d * 1024;

  private final BotTexts texts;
  private final Locale locale;
  private final String currency;

  public Formats(BotTexts texts, Language language, String currency) {
    this.texts = texts;
    this.locale = language.locale();
    this.currency = currency;
  }

  /** {@code 47.50 LYD}: always two decimals, rounded half up, no grouping (as on refill cards). */
  public String money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
  }

  public String date(LocalDate date) {
    return date == null
        ? texts.get("value.none")
        : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
  }

  public String dateTime(LocalDateTime at) {
    return at == null
        ? texts.get("value.none")
        : DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).format(at);
  }

  /** Bytes as GB with one decimal from 1 GB up, else whole MB. */
  public String data(long bytes) {
    if (bytes >= GB) {
      return texts.format("unit.gb", oneDecimal(bytes / GB));
    }
    return texts.format("unit.mb", String.valueOf(Math.round(bytes / MB)));
  }

  /**
   * A speed the billing system keeps in kbit/s as Mbps. Splynx screens use 1 Mbps = 1024 kbps
   * (102400 = 100 Mbps) while some ISPs type round thousands (4000); both read right here.
   */
  public String speed(long kbps) {
    double mbps = kbps % 1000 == 0 ? kbps / 1000d : kbps / 1024d;
    return texts.format("unit.mbps", oneDecimal(mbps));
  }

  private static String oneDecimal(double value) {
    BigDecimal v = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }
}
