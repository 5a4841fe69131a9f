package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.Chat;
import org.ispchat.chat.ChatKey;
import org.ispchat.chat.ChatRepository;
import org.ispchat.chat.InboundMessage;
import org.ispchat.chat.Reply;
import org.ispchat.chat.ReplyQueue;
import org.ispchat.splynx.AccountChanges;
import org.ispchat.splynx.SplynxAccounts;
import org.ispchat.splynx.SplynxUnavailable;
import org.ispchat.splynx.Ticket;
import org.ispchat.splynx.TicketActivity;
import org.ispchat.splynx.TicketNews;

/**
 * Hands chats to people and back. Opening one creates a support ticket carrying the recent
 * conversation; while it is open the customer's messages are added to the ticket, and agents'
 * replies in the ticket are passed on to the customer (looked for every few seconds, and at once
 * when a Splynx hook reports activity on the ticket).
 *
 * <p>Lock order everywhere: the chat first, then its hand-off, as in a turn, so a turn and the
 * relay never wait on each other in a circle.
 */
@ApplicationScoped
public class HandOffs {

  private static final Logger LOG = Logger.getLogger(HandOffs.class.getName());

  static final String STEP = "hand-off";

  /** How many of the customer's latest messages the ticket carries. */
  static final int TRANSCRIPT = 15;

  @PersistenceContext EntityManager em;
  @Inject AccountChanges changes;
  @Inject SplynxAccounts accounts;
  @Inject ChatRepository chats;
  @Inject ReplyQueue replies;
  @Inject DialogSettings settings;
  @Inject Clock clock;

  /** Opens a ticket for the customer and pauses the bot for this chat. Inside the turn. */
  public List<Reply> open(Turn turn) {
    Chat chat = turn.chat();
    Optional<HandOff> already = openFor(chat.key());
    BotTexts t = turn.texts();
    if (already.isPresent()) {
      turn.moveTo(STEP, already.get().ticketId());
      return List.of(new Reply.Text(t.format("handoff.opened", already.get().ticketId())));
    }
    String subject = t.format("handoff.subject", turn.account().name(), turn.account().login());
    Ticket ticket =
        changes.openTicket(
            turn.account(), subject, transcript(chat.key()), turn.reference(), turn.requestedBy());
    em.persist(new HandOff(chat.key(), turn.account().id(), ticket.id(), turn.now()));
    turn.moveTo(STEP, ticket.id());
    LOG.log(
        Level.INFO,
        "Chat {0} handed to a person through ticket {1}",
        new Object[] {chat.id(), ticket.id()});
    return List.of(new Reply.Text(t.format("handoff.opened", ticket.id())));
  }

  /** A customer's message while a person has the chat: it goes to the ticket; the bot is silent. */
  public void relayToTicket(Turn turn, String text) {
    HandOff handOff = openFor(turn.chat().key()).orElse(null);
    if (handOff == null) {
      turn.restart();
      return;
    }
    changes.addToTicket(
        handOff.accountId(), handOff.ticketId(), text, turn.reference(), turn.requestedBy());
    handOff.active(turn.now());
  }

  /** The customer asked for the menu: the bot takes the chat back. */
  public void end(ChatKey chat, HandOff.End reason, Instant now) {
    openFor(chat).ifPresent(h -> h.end(reason, now));
  }

  /**
   * Looks at one open hand-off's ticket: passes agents' new replies to the customer, gives the chat
   * back to the bot when the ticket is closed or the chat has been quiet too long. Holds the chat's
   * lock (a turn for this chat waits, briefly) so replies and the bot's state change together.
   */
  @Transactional
  public void check(Long handOffId) {
    HandOff found = em.find(HandOff.class, handOffId);
    if (found == null || !found.open()) {
      return;
    }
    Chat chat = chats.lock(found.chatKey());
    HandOff handOff = em.find(HandOff.class, handOffId, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(handOff);
    if (!handOff.open()) {
      return;
    }
    Instant now = clock.instant();
    BotTexts t = new BotTexts(Language.ofCode(chat.language()));
    if (handOff.quietFor(settings.handOffTimeout(), now)) {
      handOff.end(HandOff.End.TIMEOUT, now);
      backToBot(chat, t.get("handoff.timeout"));
      return;
    }
    TicketNews news;
    try {
      news = accounts.ticketNews(handOff.ticketId(), handOff.lastAgentMessageId());
    } catch (SplynxUnavailable e) {
      LOG.log(
          Level.FINE,
          "Ticket {0} not checked: {1}",
          new Object[] {handOff.ticketId(), e.getMessage()});
      handOff.checked(now);
      return;
    }
    handOff.checked(now);
    for (TicketNews.AgentMessage m : news.agentMessages()) {
      replies.enqueue(
          chat,
          chat.businessNumber(),
          null,
          List.of(new Reply.Text(t.format("handoff.agent-says", m.text()))));
      handOff.relayed(m.id(), now);
    }
    if (news.closed()) {
      handOff.end(HandOff.End.TICKET_CLOSED, now);
      backToBot(chat, t.get("handoff.closed"));
    }
    if (!news.agentMessages().isEmpty() || news.closed()) {
      LOG.log(
          Level.INFO,
          "Ticket {0}: {1} agent reply(ies) passed to chat {2}{3}",
          new Object[] {
            handOff.ticketId(),
            news.agentMessages().size(),
            chat.id(),
            news.closed() ? "; closed" : ""
          });
    }
  }

  /** Open hand-offs not looked at since {@code interval}, oldest look first. */
  @Transactional
  public List<Long> due(Duration interval, int limit) {
    return em.createQuery(
            "select h.id from HandOff h where h.status = :open and h.checkedAt <= :before"
                + " order by h.checkedAt",
            Long.class)
        .setParameter("open", HandOff.Status.OPEN)
        .setParameter("before", clock.instant().minus(interval))
        .setMaxResults(limit)
        .getResultList();
  }

  /** A Splynx hook said the ticket changed: the relay looks at it at its next tick. */
  @Transactional
  void onTicketActivity(@Observes TicketActivity activity) {
    ticketChanged(activity.ticketId());
  }

  @Transactional
  public List<Long> ticketChanged(String ticketId) {
    List<HandOff> open =
        em.createQuery(
                "select h from HandOff h where h.ticketId = :t and h.status = :open", HandOff.class)
            .setParameter("t", ticketId)
            .setParameter("open", HandOff.Status.OPEN)
            .getResultList();
    open.forEach(HandOff::checkSoon);
    return open.stream().map(HandOff::id).toList();
  }

  Optional<HandOff> openFor(ChatKey chat) {
    return em.createQuery(
            "select h from HandOff h where h.channel = :c and h.sender = :s and h.status = :open",
            HandOff.class)
        .setParameter("c", chat.channel())
        .setParameter("s", chat.sender())
        .setParameter("open", HandOff.Status.OPEN)
        .getResultStream()
        .findFirst();
  }

  private void backToBot(Chat chat, String text) {
    chat.moveTo(null, null);
    replies.enqueue(chat, chat.businessNumber(), null, List.of(new Reply.Text(text)));
  }

  private String transcript(ChatKey chat) {
    DateTimeFormatter at =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(settings.zone());
    StringBuilder text = new StringBuilder("WhatsApp +").append(chat.sender()).append('\n');
    for (InboundMessage m : chats.recentTexts(chat, TRANSCRIPT)) {
      text.append('\n').append(at.format(m.sentAt())).append("  ").append(m.text());
    }
    return text.toString();
  }
}
