package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.ispchat.chat.Answerer;
import org.ispchat.chat.Chat;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.InboundMessage;
import org.ispchat.chat.Reply;

/**
 * Decides what the bot says to one message. For now every readable message gets the main menu and
 * anything else a polite "text only"; the menu steps (account, voucher, balance, plan, support)
 * arrive with the customer-bot work.
 */
@ApplicationScoped
public class Dialog implements Answerer {

  /** The customer menu answers every chat no narrower bot claims. */
  @Override
  public boolean serves(Chat chat) {
    return true;
  }

  @Override
  public boolean fallback() {
    return true;
  }

  @Override
  public List<Reply> answer(Chat chat, InboundMessage message) {
    Language language = Language.detect(message.text(), Language.ofCode(chat.language()));
    chat.speak(language.code);
    BotTexts texts = new BotTexts(language);
    if (message.kind() == InboundKind.MEDIA || message.kind() == InboundKind.UNSUPPORTED) {
      return List.of(new Reply.Text(texts.get("text-only")));
    }
    chat.moveTo(MainMenu.STEP, null);
    return List.of(MainMenu.reply(texts));
  }
}
