package org.ispchat.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void arabicIndicAndPersianDigitsReadAsDigits() {
    assertEquals("3", Words.normal("٣"));
    assertEquals("12", Words.normal("۱۲"));
    assertEquals(Optional.of(4), Words.choiceNumber(Words.normal(" ٤ ")));
  }

  @Test
  void menuWordsInBothLanguagesAndZero() {
    for (String w : new String[] {"menu", "MENU", "Menu.", "0", "قائمة", "القائمة", "٠"}) {
      assertTrue(Words.isMenu(Words.normal(w)), w);
    }
    assertFalse(Words.isMenu(Words.normal("menus")));
  }

  @Test
  void rechargeCodeAnyCaseKeepsTheCodesOwnCase() {
    assertEquals(
        Optional.of("202611-lyd-Q7f3Kx9P"), Words.rechargeCode("RECHARGE 202611-lyd-Q7f3Kx9P"));
    assertEquals(Optional.of("1234567890"), Words.rechargeCode("recharge: ١٢٣٤٥٦٧٨٩٠"));
    assertEquals(Optional.of("5555666677"), Words.rechargeCode("شحن 5555666677"));
    assertEquals(Optional.empty(), Words.rechargeCode("recharge"));
    assertEquals(Optional.empty(), Words.rechargeCode("please recharge 1234"));
  }

  @Test
  void yesNoAgentTestAndLanguageNames() {
    assertTrue(Words.isYes(Words.normal("Yes")));
    assertTrue(Words.isYes(Words.normal("نعم")));
    assertTrue(Words.isNo(Words.normal("لا")));
    assertTrue(Words.isAgent(Words.normal("Agent")));
    assertTrue(Words.isAgent(Words.normal("موظف")));
    assertTrue(Words.isTest(Words.normal("فحص")));
    assertEquals(Optional.of(Language.ARABIC), Words.languageAsked(Words.normal("عربي")));
    assertEquals(Optional.of(Language.ENGLISH), Words.languageAsked(Words.normal("English")));
  }
}
