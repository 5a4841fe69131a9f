package org.ispchat.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {

  private final Formats en = new Formats(new BotTexts(Language.ENGLISH), Language.ENGLISH, "LYD");
  private final Formats ar = new Formats(new BotTexts(Language.ARABIC), Language.ARABIC, "LYD");

  @Test
  void moneyHasTwoDecimalsAndTheCurrency() {
    assertEquals("47.50 LYD", en.money(new BigDecimal("47.5")));
    assertEquals("0.00 LYD", en.money(new BigDecimal("0.0000")));
    assertEquals("-499.00 LYD", en.money(new BigDecimal("-499.0000")));
    assertEquals("1.01 LYD", en.money(new BigDecimal("1.005")));
  }

  @Test
  void speedsInMbpsWhetherTheIspCountsInThousandsOr1024s() {
    assertEquals("100 Mbps", en.speed(102400));
    assertEquals("4 Mbps", en.speed(4000));
    assertEquals("2.5 Mbps", en.speed(2560));
  }

  @Test
  void dataInGbFromOneGbUpElseMb() {
    assertEquals("60 GB", en.data(60L << 30));
    assertEquals("1.5 GB", en.data(3L << 29));
    assertEquals("512 MB", en.data(512L << 20));
    assertTrue(ar.data(60L << 30).contains("جيجابايت"));
  }

  @Test
  void datesNameTheMonthInTheCustomersLanguage() {
    assertEquals("1 December 2026", en.date(LocalDate.parse("2026-12-01")));
    assertTrue(
        ar.date(LocalDate.parse("2026-12-01")).contains("ديسمبر"),
        ar.date(LocalDate.parse("2026-12-01")));
  }
}
