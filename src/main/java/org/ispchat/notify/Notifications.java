package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Chat;
import org.ispchat.chat.ChatKey;
import org.ispchat.chat.ChatRepository;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.Reply;
import org.ispchat.outbox.Outbox;

/**
 * Accepts billing notices: one transaction stores the notification and queues its message, so a
 * notice the API acknowledged is never lost and never queued twice.
 *
 * <p>The customer's chat row is locked first. Every request for one phone number on one channel
 * takes that lock in turn, across nodes, so the look-up for an earlier identical request that
 * follows it cannot race: ten identical requests at once make one message and ten answers with its
 * id.
 */
@ApplicationScoped
public class Notifications {

  /** Meta's customer service window: free text only within 24 h of the customer's last message. */
  static final Duration SERVICE_WINDOW = Duration.ofHours(24);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ChatRepository chats;
  @Inject Outbox outbox;
  @Inject OptOuts optOuts;
  @Inject NoticeTemplates templates;
  @Inject NotifySettings settings;

  /** What the API answers: the message id, and whether it is an earlier request's. */
  public record Accepted(String messageId, boolean repeat, Notification.Decision decision) {}

  @Transactional
  public Accepted accept(MessagingInstance instance, KeyGrant key, NotificationRequest request) {
    Instant now = clock.instant();
    Chat chat = chats.lock(new ChatKey(instance.channel(), request.phone()));
    String dedupe = dedupeKey(instance.instanceId(), request);
    Optional<Notification> earlier = byKey(dedupe);
    if (earlier.isPresent()) {
      if (earlier.get().repeatedBy(now, settings.idempotency())) {
        return new Accepted(earlier.get().messageId(), true, earlier.get().decision());
      }
      earlier.get().releaseKey();
      em.flush(); // the key is free before the new row claims it
    }
    String language = chat.language() != null ? chat.language() : instance.language();
    Notification notice =
        new Notification(instance.instanceId(), key.keyId(), request, dedupe, language, now);
    if (request.type() != MessageType.CONFIRMATION && optOuts.optedOut(request.phone())) {
      em.persist(notice);
      return new Accepted(notice.messageId(), false, notice.decision());
    }
    Instant sendAfter =
        settings.urgent().contains(request.type())
            ? now
            : instance.window().nextOpening(now, instance.zone());
    NoticeTemplates.Wording wording =
        templates.wording(instance.instanceId(), request.type(), language);
    Reply reply;
    Notification.Form form;
    if (freeTextAllowed(instance, chat, sendAfter)) {
      reply = templates.asText(wording, request);
      form = Notification.Form.TEXT;
    } else {
      reply = templates.asTemplate(wording, request, language);
      form = Notification.Form.TEMPLATE;
    }
    long outboundId = outbox.start(chat, instance.businessNumber(), reply, sendAfter);
    notice.queuedAs(outboundId, form, sendAfter);
    em.persist(notice);
    return new Accepted(notice.messageId(), false, notice.decision());
  }

  /** The notification with this message id. */
  public Optional<Notification> find(String messageId) {
    return em.createQuery("select n from Notification n where n.messageId = :m", Notification.class)
        .setParameter("m", messageId)
        .getResultStream()
        .findFirst();
  }

  /**
   * Free text is allowed while the customer's 24-hour window is still open when the notice goes out
   * (with a margin for the queue); Evolution API sends as a WhatsApp Web client, with no templates
   * and no window.
   */
  boolean freeTextAllowed(MessagingInstance instance, Chat chat, Instant sendAfter) {
    if (instance.channel() != ChannelType.WHATSAPP) {
      return true;
    }
    Instant lastHeard = chat.lastInboundAt();
    return lastHeard != null
        && lastHeard.plus(SERVICE_WINDOW).isAfter(sendAfter.plus(settings.windowMargin()));
  }

  private Optional<Notification> byKey(String dedupe) {
    return em.createQuery("select n from Notification n where n.dedupeKey = :k", Notification.class)
        .setParameter("k", dedupe)
        .getResultStream()
        .findFirst();
  }

  /** The idempotency key: instance, invoice, type and phone, hashed to a fixed width. */
  static String dedupeKey(String instanceId, NotificationRequest request) {
    String joined =
        String.join(
            "\u0000", instanceId, request.invoiceId(), request.type().wire(), request.phone());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
