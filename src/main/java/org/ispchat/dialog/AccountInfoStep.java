package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.Account;
import org.ispchat.splynx.Balance;
import org.ispchat.splynx.Session;
import org.ispchat.splynx.SplynxAccounts;
import org.ispchat.splynx.Subscription;
import org.ispchat.splynx.Usage;

/**
 * Option 1: account and data usage. Four questions to the billing system (subscriptions, balance,
 * session, usage; plans are cached by the client), each at most once per turn.
 */
@ApplicationScoped
public class AccountInfoStep implements Step {

  @Inject SplynxAccounts accounts;

  @Override
  public String name() {
    return "account";
  }

  @Override
  public List<Reply> start(Turn turn) {
    Account a = turn.account();
    List<Subscription> subscriptions =
        turn.once("subscriptions", () -> accounts.subscriptions(a.id()));
    Balance balance = turn.once("balance", () -> accounts.balance(a.id()));
    Session session = turn.once("session", () -> accounts.session(a.id()));
    Subscription current = subscriptions.isEmpty() ? null : subscriptions.get(0);
    Usage usage =
        current == null ? null : turn.once("usage:" + current.id(), () -> accounts.usage(current));
    Formats f = turn.formats();
    BotTexts t = turn.texts();
    String none = t.get("value.none");
    LocalDate expiry = balance.paidUntil() != null ? balance.paidUntil() : endOf(current);
    String remaining =
        usage == null
            ? none
            : usage.unlimited() ? t.get("value.unlimited") : f.data(usage.remainingBytes());
    String info =
        t.format(
            "account.info",
            a.login(),
            a.name().isBlank() ? none : a.name(),
            current == null ? none : current.plan().name(),
            expiry == null ? none : f.date(expiry),
            current == null ? none : f.speed(current.plan().downloadKbps()),
            f.money(balance.amount()),
            session.online() ? t.get("status.online") : t.get("status.offline"),
            usage == null ? none : f.data(usage.usedBytes()),
            remaining);
    turn.restart();
    return List.of(new Reply.Text(info));
  }

  private static LocalDate endOf(Subscription s) {
    return s == null ? null : s.ends();
  }
}
