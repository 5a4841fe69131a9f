package org.ispchat.notify;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts as the contract shows them: the ISO code, thousands separators and two decimals ({@code
 * KES 1,500.00}); more decimals only when the amount has them ({@code LYD 12.345}). Latin digits in
 * every language, as bills and bank slips print them.
 */
public final class Amounts {

  private Amounts() {}

  public static String format(BigDecimal amount, String currency) {
    int scale = Math.min(4, Math.max(2, amount.stripTrailingZeros().scale()));
    DecimalFormat format =
        new DecimalFormat(
            "#,##0." + "0".repeat(scale), DecimalFormatSymbols.getInstance(Locale.US));
    return currency + " " + format.format(amount);
  }
}
