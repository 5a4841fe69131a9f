package org.ispchat.dialog;

import java.util.List;
import org.ispchat.chat.Reply;

/** The five choices every customer starts from. Option ids come back when a row is tapped. */
public final class MainMenu {

  public static final String STEP = "main-menu";

  static final List<String> OPTIONS = List.of("account", "recharge", "balance", "plan", "support");

  private MainMenu() {}

  public static Reply reply(BotTexts texts) {
    List<Reply.Option> options =
        OPTIONS.stream()
            .map(
                o ->
                    new Reply.Option(
                        "menu." + o,
                        texts.get("menu." + o + ".title"),
                        texts.get("menu." + o + ".description")))
            .toList();
    return new Reply.Menu(texts.get("menu.body"), texts.get("menu.button"), options);
  }
}
