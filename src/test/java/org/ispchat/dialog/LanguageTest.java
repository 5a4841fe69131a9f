package org.ispchat.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

  @Test
  void arabicScriptMeansArabic() {
    assertEquals(Language.ARABIC, Language.detect("مرحبا", Language.ENGLISH));
    assertEquals(Language.ARABIC, Language.detect("رصيد balance", Language.ENGLISH));
  }

  @Test
  void latinMeansEnglish() {
    assertEquals(Language.ENGLISH, Language.detect("Hello", Language.ARABIC));
  }

  @Test
  void digitsAndEmojiKeepTheLanguageOfTheChat() {
    assertEquals(Language.ARABIC, Language.detect("1234567890", Language.ARABIC));
    assertEquals(Language.ARABIC, Language.detect("٣", Language.ARABIC));
    assertEquals(Language.ENGLISH, Language.detect("👍", Language.ENGLISH));
    assertEquals(Language.ARABIC, Language.detect(null, Language.ARABIC));
  }
}
