package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.Balance;
import org.ispchat.splynx.SplynxAccounts;

/** Option 3: the balance, as the contract words it. One question to the billing system. */
@ApplicationScoped
public class BalanceStep implements Step {

  @Inject SplynxAccounts accounts;

  @Override
  public String name() {
    return "balance";
  }

  @Override
  public List<Reply> start(Turn turn) {
    Balance balance = turn.once("balance", () -> accounts.balance(turn.account().id()));
    turn.restart();
    return List.of(
        new Reply.Text(
            turn.texts().format("balance.current", turn.formats().money(balance.amount()))));
  }
}
