package org.ispchat.dialog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.ispchat.autoreply.AutoReplies;
import org.ispchat.autoreply.AutoReplyMatcher;
import org.ispchat.autoreply.AutoReplyRule;
import org.ispchat.autoreply.MatchType;
import org.ispchat.autoreply.RuleContent;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Chat;
import org.ispchat.chat.ChatKey;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.InboundMessage;
import org.ispchat.chat.IncomingMessage;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.MemoryJournal;

/**
 * The customer dialog wired by hand, without a server: billing system, links, limits, journal and
 * hand-offs in memory, time under the test's control. Drives the real steps.
 */
final class Bot {

  static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

  final FakeAccounts accounts = new FakeAccounts();
  final MutableClock clock = new MutableClock(START);
  final MemoryJournal journal = new MemoryJournal(clock);
  final Map<String, Chat> chats = new HashMap<>();
  final MemoryHandOffs handOffs = new MemoryHandOffs();
  final Dialog dialog = new Dialog();
  final MemoryOptOuts optOuts = new MemoryOptOuts();
  final Reminders reminders = new Reminders();
  private final AtomicLong ids = new AtomicLong();

  Bot() {
    DialogSettings settings =
        new DialogSettings(
            "LYD",
            "091-000-0000",
            Duration.ofMinutes(30),
            Duration.ofMinutes(15),
            Duration.ofHours(24),
            Duration.ofSeconds(6),
            ZoneOffset.UTC);
    var changes = journal.changes(accounts);
    MemoryLimits limits = new MemoryLimits();

    MainMenuStep menu = new MainMenuStep();
    AccountInfoStep account = new AccountInfoStep();
    account.accounts = accounts;
    RechargeStep recharge = new RechargeStep();
    recharge.accounts = accounts;
    recharge.changes = changes;
    recharge.limits = limits;
    BalanceStep balance = new BalanceStep();
    balance.accounts = accounts;
    PlanChangeStep plan = new PlanChangeStep();
    plan.accounts = accounts;
    plan.changes = changes;
    SupportStep support = new SupportStep();
    support.autoReplies = new MemoryAutoReplies();
    menu.account = account;
    menu.recharge = recharge;
    menu.balance = balance;
    menu.plan = plan;
    menu.support = support;

    Recognition recognition = new Recognition();
    recognition.links = new MemoryLinks();
    recognition.accounts = accounts;
    recognition.limits = limits;
    recognition.menu = menu;

    handOffs.changes = changes;

    LineTest test = new LineTest();
    test.accounts = accounts;

    dialog.settings = settings;
    dialog.clock = clock;
    dialog.recognition = recognition;
    dialog.handOffs = handOffs;
    dialog.mainMenu = menu;
    dialog.recharge = recharge;
    dialog.support = support;
    dialog.lineTest = test;
    reminders.optOuts = optOuts;
    dialog.reminders = reminders;
    for (Step s : List.of(menu, account, recharge, balance, plan, support)) {
      dialog.register(s);
    }
  }

  Chat chat(String sender) {
    return chats.computeIfAbsent(
        sender, s -> new Chat(new ChatKey(ChannelType.WHATSAPP, s), clock.instant()));
  }

  /** The customer types {@code text}; the bot's replies. */
  List<Reply> says(String sender, String text) {
    return answer(sender, InboundKind.TEXT, text, null);
  }

  /** The customer taps a list row or button. */
  List<Reply> taps(String sender, String title, String id) {
    return answer(sender, InboundKind.CHOICE, title, id);
  }

  List<Reply> answer(String sender, InboundKind kind, String text, String choiceId) {
    Chat chat = chat(sender);
    InboundMessage m =
        new InboundMessage(
            new IncomingMessage(
                ChannelType.WHATSAPP,
                "wamid." + ids.incrementAndGet(),
                "106540352242922",
                sender,
                null,
                kind,
                text,
                choiceId,
                clock.instant()),
            clock.instant());
    setId(m, ids.get());
    chat.noteInbound(m, clock.instant());
    return dialog.answer(chat, m);
  }

  /** Everything the bot said, as the numbered text a channel without lists shows. */
  static String text(List<Reply> replies) {
    StringBuilder all = new StringBuilder();
    for (Reply r : replies) {
      all.append(r.asText()).append('\n');
    }
    return all.toString();
  }

  private static void setId(InboundMessage m, long id) {
    try {
      var field = InboundMessage.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(m, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final class MemoryLinks extends CustomerLinks {
    final Map<ChatKey, CustomerLink> links = new HashMap<>();

    @Override
    public Optional<CustomerLink> of(ChatKey key) {
      return Optional.ofNullable(links.get(key));
    }

    @Override
    public void add(CustomerLink link) {
      links.put(keyOf(link), link);
    }

    @Override
    public void remove(CustomerLink link) {
      links.values().remove(link);
    }

    private ChatKey keyOf(CustomerLink link) {
      try {
        var channel = CustomerLink.class.getDeclaredField("channel");
        var sender = CustomerLink.class.getDeclaredField("sender");
        channel.setAccessible(true);
        sender.setAccessible(true);
        return new ChatKey((ChannelType) channel.get(link), (String) sender.get(link));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final class MemoryLimits extends AttemptLimits {
    final Map<String, AttemptLimit> limits = new HashMap<>();

    @Override
    public boolean locked(String kind, String subject, Instant now) {
      AttemptLimit l = limits.get(kind + "|" + subject);
      return l != null && l.locked(now);
    }

    @Override
    public boolean fail(String kind, String subject, Instant now) {
      return limits
          .computeIfAbsent(kind + "|" + subject, k -> new AttemptLimit(kind, subject, now))
          .fail(now, MAX_FAILURES, WINDOW);
    }

    @Override
    public void succeed(String kind, String subject) {
      AttemptLimit l = limits.get(kind + "|" + subject);
      if (l != null) {
        l.succeed();
      }
    }
  }

  /** Hand-offs in memory: the ticket is opened through the real journal and fake billing system. */
  static final class MemoryHandOffs extends HandOffs {
    final Map<ChatKey, HandOff> open = new HashMap<>();

    @Override
    public List<Reply> open(Turn turn) {
      var ticket =
          changes.openTicket(
              turn.account(), "WhatsApp", "transcript", turn.reference(), turn.requestedBy());
      open.put(
          turn.chat().key(),
          new HandOff(turn.chat().key(), turn.account().id(), ticket.id(), turn.now()));
      turn.moveTo(STEP, ticket.id());
      return List.of(new Reply.Text(turn.texts().format("handoff.opened", ticket.id())));
    }

    @Override
    public void relayToTicket(Turn turn, String text) {
      HandOff h = open.get(turn.chat().key());
      changes.addToTicket(h.accountId(), h.ticketId(), text, turn.reference(), turn.requestedBy());
    }

    @Override
    public void end(ChatKey chat, HandOff.End reason, Instant now) {
      HandOff h = open.remove(chat);
      if (h != null) {
        h.end(reason, now);
      }
    }
  }

  /** The two rules the product ships with, matched by the real matcher. */
  static final class MemoryAutoReplies extends AutoReplies {
    private final AutoReplyMatcher matcher;

    MemoryAutoReplies() {
      Instant t = START;
      List<AutoReplyRule> rules = new ArrayList<>();
      rules.add(
          new AutoReplyRule(
              new RuleContent(
                  List.of("support", "contact"),
                  MatchType.CONTAINS,
                  "en",
                  10,
                  "Please call {support_phone} or reply \"agent\" to speak with a representative."),
              t));
      rules.add(
          new AutoReplyRule(
              new RuleContent(
                  List.of("slow", "internet problem"),
                  MatchType.CONTAINS,
                  "en",
                  10,
                  "Try restarting your router. If issue persists, reply \"test\" for a speed check."),
              t));
      rules.add(
          new AutoReplyRule(
              new RuleContent(
                  List.of("بطيء", "النت بطيء"),
                  MatchType.CONTAINS,
                  "ar",
                  10,
                  "جرّب إعادة تشغيل الراوتر."),
              t));
      matcher = new AutoReplyMatcher(rules);
    }

    @Override
    public Optional<AutoReplyRule> match(String text, String language) {
      return matcher.match(text, language);
    }
  }
}
