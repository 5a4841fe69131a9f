package org.ispchat.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Chat;
import org.ispchat.chat.ChatKey;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.InboundMessage;
import org.ispchat.chat.IncomingMessage;
import org.ispchat.chat.Reply;
import org.junit.jupiter.api.Test;

class DialogTest {

  private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
  private final Dialog dialog = new Dialog();
  private final Chat chat = new Chat(new ChatKey(ChannelType.WHATSAPP, "218911"), T);

  private static InboundMessage message(InboundKind kind, String text) {
    return new InboundMessage(
        new IncomingMessage(ChannelType.WHATSAPP, "w", "P", "218911", null, kind, text, null, T),
        T);
  }

  @Test
  void anyTextGetsTheMainMenuInEnglish() {
    List<Reply> replies = dialog.answer(chat, message(InboundKind.TEXT, "hello"));
    Reply.Menu menu = assertInstanceOf(Reply.Menu.class, replies.get(0));
    assertEquals("Please choose from the options below:", menu.body());
    assertEquals(
        List.of("menu.account", "menu.recharge", "menu.balance", "menu.plan", "menu.support"),
        menu.options().stream().map(Reply.Option::id).toList());
    assertEquals("en", chat.language());
    assertEquals(MainMenu.STEP, chat.step());
  }

  @Test
  void theNumberedTextFormMatchesTheContract() {
    Reply menu = dialog.answer(chat, message(InboundKind.TEXT, "hi")).get(0);
    String text = menu.asText();
    assertTrue(text.contains("1 - View account information and data usage"), text);
    assertTrue(text.contains("2 - Recharge via voucher"), text);
    assertTrue(text.contains("3 - Check balance"), text);
    assertTrue(text.contains("4 - Change service plan"), text);
    assertTrue(text.contains("5 - Support"), text);
  }

  @Test
  void arabicTextGetsTheArabicMenuAndTheChatRemembers() {
    Reply.Menu menu = (Reply.Menu) dialog.answer(chat, message(InboundKind.TEXT, "مرحبا")).get(0);
    assertEquals("يرجى الاختيار من الخيارات التالية:", menu.body());
    Reply.Menu again = (Reply.Menu) dialog.answer(chat, message(InboundKind.TEXT, "3")).get(0);
    assertEquals(menu.body(), again.body(), "digits keep the chat's language");
  }

  @Test
  void mediaGetsTextOnlyInTheChatsLanguage() {
    chat.speak("ar");
    Reply reply = dialog.answer(chat, message(InboundKind.MEDIA, null)).get(0);
    assertTrue(reply.asText().startsWith("عذراً"), reply.asText());
  }

  @Test
  void everyEnglishTextHasAnArabicTwin() {
    var en = java.util.ResourceBundle.getBundle("messages", java.util.Locale.ROOT);
    BotTexts ar = new BotTexts(Language.ARABIC);
    for (String key : en.keySet()) {
      assertTrue(!ar.get(key).equals(en.getString(key)), "Arabic text for " + key);
    }
  }
}
