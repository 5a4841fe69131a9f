package org.ispchat.dialog;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.ispchat.chat.Chat;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.InboundMessage;
import org.ispchat.splynx.Account;
import org.ispchat.splynx.SplynxUnavailable;

/**
 * One message being answered: who wrote what, in which language, which account the chat speaks for,
 * and what this turn has already fetched from the billing system (so nothing is fetched twice in
 * one turn). Lives for one turn only; everything that must outlast it is on the {@link Chat}.
 */
public final class Turn {

  /** How long one turn may keep asking the billing system before it gives up. */
  static final Duration BILLING_BUDGET = Duration.ofSeconds(6);

  private final Chat chat;
  private final InboundMessage message;
  private final DialogSettings settings;
  private final Instant now;
  private final Map<String, Object> fetched = new HashMap<>();
  private final long startedNanos = System.nanoTime();
  private Language language;
  private BotTexts texts;
  private Account account;

  public Turn(
      Chat chat, InboundMessage message, Language language, DialogSettings settings, Instant now) {
    this.chat = chat;
    this.message = message;
    this.settings = settings;
    this.now = now;
    speak(language);
  }

  public Chat chat() {
    return chat;
  }

  public InboundMessage message() {
    return message;
  }

  /** What the person wrote, as typed (null for media). */
  public String text() {
    return message.text();
  }

  /** What the person wrote, as the bot compares it (see {@link Words#normal}). */
  public String normal() {
    return Words.normal(message.text());
  }

  /** The id of the list row or button tapped, or null when the person typed. */
  public String choice() {
    return message.choiceId();
  }

  public boolean isText() {
    return message.kind() != InboundKind.MEDIA && message.kind() != InboundKind.UNSUPPORTED;
  }

  public Language language() {
    return language;
  }

  public void speak(Language language) {
    this.language = language;
    this.texts = new BotTexts(language);
    chat.speak(language.code);
  }

  public BotTexts texts() {
    return texts;
  }

  public Formats formats() {
    return new Formats(texts, language, settings.currency());
  }

  public DialogSettings settings() {
    return settings;
  }

  public Instant now() {
    return now;
  }

  /** How long the person had been silent before this message. */
  public Duration idle() {
    return Duration.between(chat.previousActivityAt(), now);
  }

  public String step() {
    return chat.step();
  }

  public String data() {
    return chat.pendingData();
  }

  public void moveTo(String step, String data) {
    chat.moveTo(step, data);
  }

  /** Back to the start: the main menu is the next thing the person sees. */
  public void restart() {
    chat.moveTo(null, null);
  }

  /** The account this chat speaks for; only once recognised. */
  public Account account() {
    if (account == null) {
      throw new IllegalStateException("chat " + chat.id() + " is not linked to an account");
    }
    return account;
  }

  public boolean recognised() {
    return account != null;
  }

  void recognisedAs(Account account) {
    this.account = account;
  }

  /**
   * Fetches once per turn: a second step asking for the same thing gets the first answer. A turn
   * that has already spent {@link #BILLING_BUDGET} waiting asks nothing more: each call may take up
   * to its own timeout, and the customer is promised an answer within ten seconds.
   */
  @SuppressWarnings("unchecked")
  public <T> T once(String what, Supplier<T> fetch) {
    Object known = fetched.get(what);
    if (known == null) {
      if (System.nanoTime() - startedNanos > BILLING_BUDGET.toNanos()) {
        throw new SplynxUnavailable("the billing system is answering too slowly for this turn");
      }
      known = fetch.get();
      fetched.put(what, known);
    }
    return (T) known;
  }

  /** This request's reference in the billing system's records: unique per message. */
  public String reference() {
    return "ispchat-" + message.id();
  }

  /** Who asked, for the audit trail: channel and number. */
  public String requestedBy() {
    return chat.channel().name().toLowerCase(java.util.Locale.ROOT) + ":" + chat.sender();
  }
}
