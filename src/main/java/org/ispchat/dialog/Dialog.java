package org.ispchat.dialog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.AnswerLater;
import org.ispchat.chat.Answerer;
import org.ispchat.chat.Chat;
import org.ispchat.chat.InboundMessage;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.SplynxBusy;
import org.ispchat.splynx.SplynxUnavailable;

/**
 * The customer bot: decides what to say to one message. In order: the language (first message's
 * script, or the customer's explicit choice); a chat handed to a person stays with the person; an
 * idle conversation starts over; then who is writing ({@link Recognition}); then the commands that
 * work anywhere ({@code menu}, {@code Recharge <code>}, {@code agent}, {@code test}); then the
 * current step; then the auto-replies; and finally a short hint with the menu, never silence.
 *
 * <p>When the billing system cannot answer, the customer is told to try again shortly; when only
 * our own limit on simultaneous billing calls is reached, the message is put off for a moment
 * instead ({@link AnswerLater}), up to {@code ispchat.splynx-busy-patience} after it arrived.
 */
@ApplicationScoped
public class Dialog implements Answerer {

  private static final Logger LOG = Logger.getLogger(Dialog.class.getName());

  static final Duration BUSY_RETRY = Duration.ofMillis(250);

  @Inject DialogSettings settings;
  @Inject Clock clock;
  @Inject Recognition recognition;
  @Inject HandOffs handOffs;
  @Inject MainMenuStep mainMenu;
  @Inject RechargeStep recharge;
  @Inject SupportStep support;
  @Inject LineTest lineTest;
  @Inject Reminders reminders;
  @Inject @Any Instance<Step> stepBeans;

  private final Map<String, Step> steps = new HashMap<>();

  @PostConstruct
  void findSteps() {
    stepBeans.forEach(this::register);
  }

  /** Makes a step reachable by its name (the container does this for every Step bean). */
  void register(Step step) {
    steps.put(step.name(), step);
    if (step instanceof PlanChangeStep) {
      steps.put(PlanChangeStep.CONFIRM, step);
    }
  }

  Map<String, Step> stepsByName() {
    return steps;
  }

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
    Language language =
        chat.language() == null
            ? Language.detect(message.text(), Language.ENGLISH)
            : Language.ofCode(chat.language());
    Turn turn = new Turn(chat, message, language, settings, clock.instant());
    try {
      return answer(turn);
    } catch (SplynxBusy busy) {
      if (Duration.between(message.receivedAt(), turn.now()).compareTo(settings.busyPatience())
          < 0) {
        throw new AnswerLater(BUSY_RETRY, busy.getMessage());
      }
      return unavailable(turn, busy);
    } catch (SplynxUnavailable down) {
      return unavailable(turn, down);
    }
  }

  private List<Reply> answer(Turn turn) {
    if (HandOffs.STEP.equals(turn.step())) {
      return withPerson(turn);
    }
    Optional<Language> asked = Words.languageAsked(turn.normal());
    if (asked.isPresent()) {
      turn.speak(asked.get());
      turn.restart();
      List<Reply> replies = new ArrayList<>();
      replies.add(new Reply.Text(turn.texts().get("language.changed")));
      Recognition.Outcome who = recognition.recognise(turn);
      replies.addAll(
          who.account() != null && who.replies() == null ? mainMenu.start(turn) : orEmpty(who));
      return replies;
    }
    if (!turn.isText()) {
      return List.of(new Reply.Text(turn.texts().get("text-only")));
    }
    // Anyone may stop reminders, recognised or not: the number is what notices are sent to.
    if (Words.isStop(turn.normal()) || Words.isStart(turn.normal())) {
      return reminders.answer(turn, Words.isStop(turn.normal()));
    }
    if (turn.step() != null && turn.idle().compareTo(settings.sessionTimeout()) > 0) {
      turn.restart();
    }
    if (Words.isMenu(turn.normal()) && !Recognition.PASSWORD.equals(turn.step())) {
      turn.restart();
    }
    String stepBefore = turn.step();
    String dataBefore = turn.data();
    Recognition.Outcome who = recognition.recognise(turn);
    if (who.replies() != null) {
      if (who.account() == null && !Recognition.PASSWORD.equals(stepBefore)) {
        // Not (yet) a known customer: auto-replies hold no account data, so they still answer,
        // and the sign-in stays where it was ("support" is not a login). A password is never
        // matched against the rules.
        Optional<List<Reply>> auto = support.autoReply(turn);
        if (auto.isPresent()) {
          turn.moveTo(stepBefore, dataBefore);
          return auto.get();
        }
      }
      return who.replies();
    }
    turn.recognisedAs(who.account());
    return forCustomer(turn);
  }

  private List<Reply> forCustomer(Turn turn) {
    String normal = turn.normal();
    Optional<String> code = Words.rechargeCode(turn.text());
    if (code.isPresent()) {
      return recharge.redeem(turn, code.get());
    }
    if (Words.isMenu(normal)) {
      return mainMenu.start(turn);
    }
    if (Words.isAgent(normal)) {
      return handOffs.open(turn);
    }
    if (Words.isTest(normal)) {
      return lineTest.run(turn);
    }
    boolean fresh = turn.step() == null;
    Step step = fresh ? mainMenu : steps.getOrDefault(turn.step(), mainMenu);
    Optional<List<Reply>> answered = step.answer(turn);
    if (answered.isEmpty() && step != mainMenu) {
      // A menu number or row still works from inside another step.
      answered = mainMenu.answer(turn);
    }
    if (answered.isPresent()) {
      return answered.get();
    }
    Optional<List<Reply>> auto = support.autoReply(turn);
    if (auto.isPresent()) {
      return auto.get();
    }
    if (fresh) {
      // A greeting, or anything to start a conversation with: the menu is the answer.
      return mainMenu.start(turn);
    }
    List<Reply> hint = new ArrayList<>();
    hint.add(new Reply.Text(turn.texts().get("hint")));
    hint.addAll(mainMenu.start(turn));
    return hint;
  }

  /** A person has this chat: the customer's words go to the ticket; only the menu word ends it. */
  private List<Reply> withPerson(Turn turn) {
    if (turn.isText() && Words.isMenu(turn.normal())) {
      handOffs.end(turn.chat().key(), HandOff.End.CUSTOMER, turn.now());
      List<Reply> replies = new ArrayList<>();
      replies.add(new Reply.Text(turn.texts().get("handoff.ended")));
      Recognition.Outcome who = recognition.recognise(turn);
      replies.addAll(who.replies() != null ? who.replies() : mainMenu.start(turn));
      return replies;
    }
    String text = turn.isText() ? turn.text() : turn.texts().get("handoff.media");
    try {
      handOffs.relayToTicket(turn, text);
    } catch (SplynxUnavailable down) {
      // The customer's words must reach the agent: keep the message and try again shortly.
      throw new AnswerLater(Duration.ofSeconds(15), down.getMessage());
    }
    return List.of();
  }

  private List<Reply> unavailable(Turn turn, SplynxUnavailable why) {
    LOG.log(
        Level.WARNING,
        "Chat {0}: the billing system could not answer ({1}); the customer was told to try again",
        new Object[] {turn.chat().id(), why.getMessage()});
    return List.of(new Reply.Text(turn.texts().get("unavailable")));
  }

  private static List<Reply> orEmpty(Recognition.Outcome who) {
    return who.replies() == null ? List.of() : who.replies();
  }
}
