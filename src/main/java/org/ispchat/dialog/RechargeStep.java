package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.Account;
import org.ispchat.splynx.AccountChanges;
import org.ispchat.splynx.Recharge;
import org.ispchat.splynx.RefillCardRejected;
import org.ispchat.splynx.SplynxAccounts;

/**
 * Option 2: redeem a refill card, from the menu (the bot asks for the code) or at any point with
 * {@code Recharge <code>}. Each code is redeemed at most once per message (see {@link
 * AccountChanges}); five refused codes within an hour lock the account's recharges for the rest of
 * that hour, which makes guessing card numbers pointless.
 */
@ApplicationScoped
public class RechargeStep implements Step {

  private static final Logger LOG = Logger.getLogger(RechargeStep.class.getName());

  @Inject AccountChanges changes;
  @Inject SplynxAccounts accounts;
  @Inject AttemptLimits limits;

  @Override
  public String name() {
    return "recharge";
  }

  @Override
  public List<Reply> start(Turn turn) {
    if (limits.locked(AttemptLimits.REFILL_CARD, turn.account().id(), turn.now())) {
      turn.restart();
      return List.of(new Reply.Text(turn.texts().get("recharge.locked")));
    }
    turn.moveTo(name(), null);
    return List.of(new Reply.Text(turn.texts().get("recharge.ask")));
  }

  @Override
  public Optional<List<Reply>> answer(Turn turn) {
    return Words.cardCode(turn.text()).map(code -> redeem(turn, code));
  }

  public List<Reply> redeem(Turn turn, String code) {
    Account account = turn.account();
    BotTexts t = turn.texts();
    if (limits.locked(AttemptLimits.REFILL_CARD, account.id(), turn.now())) {
      turn.restart();
      return List.of(new Reply.Text(t.get("recharge.locked")));
    }
    try {
      Recharge done = changes.recharge(account, code, turn.reference(), turn.requestedBy());
      limits.succeed(AttemptLimits.REFILL_CARD, account.id());
      turn.restart();
      return List.of(
          new Reply.Text(t.format("recharge.done", turn.formats().money(done.newBalance()))));
    } catch (RefillCardRejected rejected) {
      // After a timed-out attempt the customer may send the same card again: it is "used", by them.
      Optional<Recharge> theirs =
          accounts.findRecharge(account, code, turn.now().minus(Duration.ofDays(1)));
      if (theirs.isPresent()) {
        turn.restart();
        return List.of(
            new Reply.Text(
                t.format("recharge.already", turn.formats().money(theirs.get().newBalance()))));
      }
      LOG.log(
          Level.INFO,
          "Refill card refused for account {0} (request {1}): {2}",
          new Object[] {account.id(), turn.reference(), rejected.getMessage()});
      boolean locked = limits.fail(AttemptLimits.REFILL_CARD, account.id(), turn.now());
      if (locked) {
        turn.restart();
        return List.of(new Reply.Text(t.get("recharge.locked")));
      }
      turn.moveTo(name(), null);
      return List.of(new Reply.Text(t.get("recharge.rejected")));
    }
  }
}
