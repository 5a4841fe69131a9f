package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.ChatKey;
import org.ispchat.chat.Clip;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.Account;
import org.ispchat.splynx.SplynxAccounts;

/**
 * Who is writing: the billing account this chat speaks for. A number the billing system has on one
 * account is linked at once; on several, the customer picks one by login; on none, the customer may
 * sign in with the customer-portal login and password (five failures lock the number for an hour).
 * Links are confirmed with the billing system again every {@code ispchat.link-recheck}; one it no
 * longer confirms is removed, and until a chat is linked it sees no account data at all.
 */
@ApplicationScoped
public class Recognition {

  private static final Logger LOG = Logger.getLogger(Recognition.class.getName());

  static final String CHOOSE = "choose-account";
  static final String LOGIN = "identify-login";
  static final String PASSWORD = "identify-password";

  /** The account, when known; otherwise (or as well) what to say now. */
  public record Outcome(Account account, List<Reply> replies) {
    static Outcome known(Account account) {
      return new Outcome(account, null);
    }

    static Outcome say(List<Reply> replies) {
      return new Outcome(null, replies);
    }
  }

  @Inject CustomerLinks links;
  @Inject SplynxAccounts accounts;
  @Inject AttemptLimits limits;
  @Inject MainMenuStep menu;

  public Outcome recognise(Turn turn) {
    ChatKey key = turn.chat().key();
    Optional<CustomerLink> found = links.of(key);
    if (found.isPresent()) {
      CustomerLink link = found.get();
      if (!link.needsConfirming(turn.now(), turn.settings().linkRecheck())) {
        return Outcome.known(link.account());
      }
      Optional<Account> still = confirm(turn, link);
      if (still.isPresent()) {
        link.remember(still.get(), turn.now());
        return Outcome.known(still.get());
      }
      LOG.log(
          Level.INFO,
          "Chat {0}: the billing system no longer confirms account {1}; link removed",
          new Object[] {turn.chat().id(), link.accountId()});
      links.remove(link);
    }
    String step = turn.step();
    if (PASSWORD.equals(step)) {
      return passwordGiven(turn);
    }
    if (LOGIN.equals(step) && turn.isText() && !Words.isMenu(turn.normal())) {
      return loginGiven(turn);
    }
    List<Account> onNumber = inUse(byPhone(turn));
    if (onNumber.size() == 1) {
      return Outcome.known(linkTo(turn, onNumber.get(0), CustomerLink.How.PHONE));
    }
    if (onNumber.size() > 1) {
      return CHOOSE.equals(step) ? chosen(turn, onNumber) : askWhich(turn, onNumber);
    }
    return Outcome.say(offerSignIn(turn));
  }

  /** Forgets the chat's link (the customer asked to sign in as someone else, say). */
  public void unlink(ChatKey key) {
    links.of(key).ifPresent(links::remove);
  }

  private Optional<Account> confirm(Turn turn, CustomerLink link) {
    if (link.how() == CustomerLink.How.SIGNED_IN) {
      return accounts.account(link.accountId()).filter(Account::inUse);
    }
    return inUse(byPhone(turn)).stream().filter(a -> a.id().equals(link.accountId())).findFirst();
  }

  private List<Account> byPhone(Turn turn) {
    return turn.once("by-phone", () -> accounts.findByPhone(turn.chat().sender()));
  }

  private Outcome askWhich(Turn turn, List<Account> accountsOnNumber) {
    turn.moveTo(CHOOSE, null);
    BotTexts t = turn.texts();
    List<Reply.Option> options = new ArrayList<>();
    for (Account a : accountsOnNumber.subList(0, Math.min(10, accountsOnNumber.size()))) {
      options.add(new Reply.Option("account." + a.id(), Clip.withEllipsis(a.login(), 20), null));
    }
    Reply question =
        options.size() <= 3
            ? new Reply.Buttons(t.get("recognise.which"), options)
            : new Reply.Menu(t.get("recognise.which"), t.get("recognise.button"), options);
    return Outcome.say(List.of(question));
  }

  private Outcome chosen(Turn turn, List<Account> accountsOnNumber) {
    Account picked = null;
    String choice = turn.choice();
    if (choice != null && choice.startsWith("account.")) {
      String id = choice.substring("account.".length());
      picked = accountsOnNumber.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    } else {
      String n = turn.normal();
      Optional<Integer> number = Words.choiceNumber(n);
      if (number.isPresent() && number.get() >= 1 && number.get() <= accountsOnNumber.size()) {
        picked = accountsOnNumber.get(number.get() - 1);
      } else if (n != null) {
        picked =
            accountsOnNumber.stream()
                .filter(a -> Words.normal(a.login()).equals(n))
                .findFirst()
                .orElse(null);
      }
    }
    if (picked == null) {
      return askWhich(turn, accountsOnNumber);
    }
    Account account = linkTo(turn, picked, CustomerLink.How.CHOSEN);
    turn.recognisedAs(account);
    List<Reply> replies = new ArrayList<>();
    replies.add(new Reply.Text(turn.texts().format("recognise.chosen", account.login())));
    replies.addAll(menu.start(turn));
    return new Outcome(account, replies);
  }

  private List<Reply> offerSignIn(Turn turn) {
    if (limits.locked(AttemptLimits.SIGN_IN, turn.chat().sender(), turn.now())) {
      turn.restart();
      return List.of(new Reply.Text(turn.texts().get("identify.locked")));
    }
    turn.moveTo(LOGIN, null);
    return List.of(new Reply.Text(turn.texts().get("identify.offer")));
  }

  private Outcome loginGiven(Turn turn) {
    String login = turn.text().strip();
    if (login.isEmpty() || login.length() > 100) {
      return Outcome.say(List.of(new Reply.Text(turn.texts().get("identify.offer"))));
    }
    turn.moveTo(PASSWORD, StepData.empty().with("login", login).toString());
    return Outcome.say(List.of(new Reply.Text(turn.texts().get("identify.password"))));
  }

  private Outcome passwordGiven(Turn turn) {
    // Whatever happens next, the password must not stay in the database.
    turn.message().forgetTextWhenAnswered();
    String sender = turn.chat().sender();
    BotTexts t = turn.texts();
    if (limits.locked(AttemptLimits.SIGN_IN, sender, turn.now())) {
      turn.restart();
      return Outcome.say(List.of(new Reply.Text(t.get("identify.locked"))));
    }
    String login = StepData.parse(turn.data()).get("login");
    String password = turn.text() == null ? "" : turn.text().strip();
    Optional<Account> signedIn =
        login == null || password.isEmpty()
            ? Optional.empty()
            : accounts.signIn(login, password).filter(Account::inUse);
    if (signedIn.isEmpty()) {
      boolean locked = limits.fail(AttemptLimits.SIGN_IN, sender, turn.now());
      LOG.log(
          Level.INFO,
          "Chat {0}: portal sign-in refused{1}",
          new Object[] {turn.chat().id(), locked ? "; number locked for an hour" : ""});
      if (locked) {
        turn.restart();
        return Outcome.say(List.of(new Reply.Text(t.get("identify.locked"))));
      }
      turn.moveTo(LOGIN, null);
      return Outcome.say(List.of(new Reply.Text(t.get("identify.failed"))));
    }
    limits.succeed(AttemptLimits.SIGN_IN, sender);
    Account account = linkTo(turn, signedIn.get(), CustomerLink.How.SIGNED_IN);
    turn.recognisedAs(account);
    List<Reply> replies = new ArrayList<>();
    replies.add(new Reply.Text(t.format("identify.linked", account.name(), account.login())));
    replies.addAll(menu.start(turn));
    return new Outcome(account, replies);
  }

  private Account linkTo(Turn turn, Account account, CustomerLink.How how) {
    ChatKey key = turn.chat().key();
    links.of(key).ifPresent(links::remove);
    links.add(new CustomerLink(key, account, how, turn.now()));
    LOG.log(
        Level.INFO,
        "Chat {0} linked to account {1} ({2})",
        new Object[] {turn.chat().id(), account.id(), how});
    return account;
  }

  private static List<Account> inUse(List<Account> accounts) {
    return accounts.stream().filter(Account::inUse).toList();
  }
}
