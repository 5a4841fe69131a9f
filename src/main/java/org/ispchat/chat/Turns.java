package org.ispchat.chat;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers the oldest waiting message of one chat: lock the chat, ask its answerer, queue the
 * replies, mark the message done, all in one transaction. A crash anywhere before the commit leaves
 * the message waiting and nothing queued; after it, the replies are in the outbox.
 */
@ApplicationScoped
public class Turns {

  private static final Logger LOG = Logger.getLogger(Turns.class.getName());

  /** What a call to {@link #takeTurn} did. */
  public enum Outcome {
    /** A message was answered and another one is already waiting. */
    ANSWERED_MORE_WAITING,
    /** A message was answered; none other was waiting at that moment. */
    ANSWERED,
    /** The next message waits for a retry time. */
    WAITING,
    /** Nothing is waiting. */
    IDLE
  }

  @Inject ChatRepository chats;
  @Inject @Any Instance<Answerer> answererBeans;
  @Inject ReplyQueue replies;
  @Inject IntakeSettings settings;
  @Inject Clock clock;

  private final List<Answerer> specific = new ArrayList<>();
  private Answerer fallback;

  @PostConstruct
  void findAnswerers() {
    for (Answerer a : answererBeans) {
      if (a.fallback()) {
        fallback = a;
      } else {
        specific.add(a);
      }
    }
  }

  @Transactional
  public Outcome takeTurn(ChatKey key) {
    Chat chat = chats.lock(key);
    Optional<InboundMessage> next = chats.nextPending(key);
    if (next.isEmpty()) {
      return Outcome.IDLE;
    }
    InboundMessage message = next.get();
    Instant now = clock.instant();
    if (!message.isDue(now)) {
      return Outcome.WAITING;
    }
    chat.noteInbound(message, now);
    List<Reply> answer = answererFor(chat).answer(chat, message);
    replies.enqueue(chat, message.businessNumber(), message.providerMessageId(), answer);
    message.markDone(now);
    // Asked here, inside this transaction, so the worker needs no second locking transaction just
    // to learn that the chat is idle (on H2 even a row lock is a write the commit must store).
    boolean more = chats.nextPending(key).isPresent();
    LOG.log(
        Level.INFO,
        "Inbound message {0} ({1}, {2}) in chat {3} answered with {4} reply(ies)",
        new Object[] {
          message.id(), message.providerMessageId(), message.kind(), chat.id(), answer.size()
        });
    return more ? Outcome.ANSWERED_MORE_WAITING : Outcome.ANSWERED;
  }

  /**
   * Counts a failed attempt on the chat's oldest waiting message, in its own transaction. The
   * chat's row lock is taken first and the message looked up again under it, so a message that
   * another node answered in the meantime is never touched (it is no longer waiting), and a failure
   * another node already counted (the message is not due yet) is not counted twice.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordFailure(ChatKey key, String error) {
    chats.lock(key);
    Instant now = clock.instant();
    chats
        .nextPending(key)
        .filter(message -> message.isDue(now))
        .ifPresent(
            message -> {
              message.recordFailure(
                  error,
                  now,
                  settings.maxAttempts(),
                  settings.backoffAfter(message.attempts() + 1));
              if (message.status() == InboundStatus.FAILED) {
                LOG.log(
                    Level.WARNING,
                    "Inbound message {0} marked FAILED after {1} attempts: {2}",
                    new Object[] {message.id(), message.attempts(), error});
              }
            });
  }

  /**
   * Puts the chat's oldest waiting message off until {@code delay} from now, without counting an
   * attempt: its answerer said it needs something busy (see {@link AnswerLater}). Under the chat's
   * row lock, like {@link #recordFailure}, so a message another node answered meanwhile is left
   * alone.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void postpone(ChatKey key, Duration delay) {
    chats.lock(key);
    Instant now = clock.instant();
    chats
        .nextPending(key)
        .filter(message -> message.isDue(now))
        .ifPresent(message -> message.postpone(now.plus(delay)));
  }

  private Answerer answererFor(Chat chat) {
    for (Answerer a : specific) {
      if (a.serves(chat)) {
        return a;
      }
    }
    if (fallback == null) {
      throw new IllegalStateException("no fallback Answerer is deployed");
    }
    return fallback;
  }
}
