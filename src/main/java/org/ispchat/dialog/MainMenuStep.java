package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.ispchat.chat.Reply;

/**
 * Where every conversation starts: the five options as a WhatsApp list; a tapped row, a typed
 * {@code 1}..{@code 5} (or {@code ١}..{@code ٥}) open the option.
 */
@ApplicationScoped
public class MainMenuStep implements Step {

  @Inject AccountInfoStep account;
  @Inject RechargeStep recharge;
  @Inject BalanceStep balance;
  @Inject PlanChangeStep plan;
  @Inject SupportStep support;

  @Override
  public String name() {
    return MainMenu.STEP;
  }

  @Override
  public List<Reply> start(Turn turn) {
    turn.moveTo(MainMenu.STEP, null);
    return List.of(MainMenu.reply(turn.texts()));
  }

  @Override
  public Optional<List<Reply>> answer(Turn turn) {
    String option = optionChosen(turn);
    if (option == null) {
      return Optional.empty();
    }
    Step step =
        switch (option) {
          case "account" -> account;
          case "recharge" -> recharge;
          case "balance" -> balance;
          case "plan" -> plan;
          default -> support;
        };
    return Optional.of(step.start(turn));
  }

  /** The option a tapped row or a typed number picks, or null. */
  static String optionChosen(Turn turn) {
    String choice = turn.choice();
    if (choice != null && choice.startsWith("menu.")) {
      String option = choice.substring("menu.".length());
      return MainMenu.OPTIONS.contains(option) ? option : null;
    }
    return Words.choiceNumber(turn.normal())
        .filter(n -> n >= 1 && n <= MainMenu.OPTIONS.size())
        .map(n -> MainMenu.OPTIONS.get(n - 1))
        .orElse(null);
  }
}
