package org.ispchat.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BotTextsTest {

  /** Texts that read the same in both languages (symbols, units the ISP's staff read). */
  private static final Set<String> SAME_IN_BOTH =
      Set.of("value.none", "handoff.agent-says", "handoff.subject");

  @Test
  void bothLanguagesHaveEveryTextAndArabicIsWrittenInArabic() throws IOException {
    Properties en = load("/messages.properties");
    Properties ar = load("/messages_ar.properties");
    assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ar.stringPropertyNames()));
    for (String key : en.stringPropertyNames()) {
      if (!SAME_IN_BOTH.contains(key)) {
        assertNotEquals(en.getProperty(key), ar.getProperty(key), key);
      }
    }
  }

  @Test
  void theContractsTextsAreWordForWord() {
    BotTexts t = new BotTexts(Language.ENGLISH);
    assertEquals(
        "This voucher does not exist or has already been used.", t.get("recharge.rejected"));
    assertEquals(
        "Recharge successful. New balance: 47.50 LYD.", t.format("recharge.done", "47.50 LYD"));
    assertEquals("Your current balance is: 0.00 LYD", t.format("balance.current", "0.00 LYD"));
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BotTextsTest.class.getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
