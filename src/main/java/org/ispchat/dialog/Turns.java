package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ispchat.chat.Chat;
import org.ispchat.chat.ChatKey;
import org.ispchat.chat.ChatRepository;
import org.ispchat.chat.InboundMessage;
import org.ispchat.chat.IntakeSettings;
import org.ispchat.chat.Reply;
import org.ispchat.outbox.Outbox;

/**
 * Answers the oldest waiting message of one chat: lock the chat, ask the dialog, queue the replies,
 * mark the message done, all in one transaction. A crash anywhere before the commit leaves the
 * message waiting and nothing queued; after it, the replies are in the outbox.
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
  @Inject Dialog dialog;
  @Inject Outbox outbox;
  @Inject IntakeSettings settings;
  @Inject Clock clock;

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
    List<Reply> replies = dialog.answer(chat, message);
    outbox.enqueue(chat, message.businessNumber(), message.providerMessageId(), replies);
    message.markDone(now);
    // Asked here, inside this transaction, so the worker needs no second locking transaction just
    // to learn that the chat is idle (on H2 even a row lock is a write the commit must store).
    boolean more = chats.nextPending(key).isPresent();
    LOG.info(
        () ->
            "Inbound message "
                + message.id()
                + " ("
                + message.providerMessageId()
                + ", "
                + message.kind()
                + ") in chat "
                + chat.id()
                + " answered with "
                + replies.size()
                + " reply(ies)");
    return more ? Outcome.ANSWERED_MORE_WAITING : Outcome.ANSWERED;
  }

  /** Counts a failed attempt on the chat's oldest waiting message, in its own transaction. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordFailure(ChatKey key, String error) {
    chats
        .nextPending(key)
        .ifPresent(
            message -> {
              Instant now = clock.instant();
              message.recordFailure(
                  error,
                  now,
                  settings.maxAttempts(),
                  settings.backoffAfter(message.attempts() + 1));
              if (message.status() == org.ispchat.chat.InboundStatus.FAILED) {
                LOG.warning(
                    () ->
                        "Inbound message "
                            + message.id()
                            + " marked FAILED after "
                            + message.attempts()
                            + " attempts: "
                            + error);
              }
            });
  }
}
