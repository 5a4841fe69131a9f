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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Chat;
import org.ispchat.chat.ChatKey;
import org.ispchat.chat.ChatRepository;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.Reply;
import org.ispchat.outbox.Outbox;

/**
 * Accepts billing notices: one transaction stores the notifications of a group of requests and
 * queues their messages ({@link NoticeWriter}), so a notice the API acknowledged is never lost and
 * never queued twice.
 *
 * <p>The customers' chat rows are locked first. Every group holding a notice for one phone number
 * on one channel takes that lock in turn, across nodes, so the look-up for an earlier identical
 * request that follows it cannot race: ten identical requests at once make one message and ten
 * answers with its id (decision 0011).
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

  /** One request waiting in a group (see {@link NoticeWriter}). */
  public record Pending(MessagingInstance instance, KeyGrant key, NotificationRequest request) {}

  /** What became of one request of a group: accepted, or refused with a 400 (never both). */
  public record Outcome(Accepted accepted, BadRequest refused) {}

  /**
   * Accepts a group of requests in one transaction (group commit): the same decisions as {@link
   * #accept}, with the chats opened and locked together in id order and the look-ups made once for
   * the group. A request that repeats one earlier in the same group gets its message id.
   */
  @Transactional
  public List<Outcome> acceptAll(List<Pending> group) {
    Instant now = clock.instant();
    Map<ChatKey, Chat> locked =
        chats.lockAll(
            group.stream()
                .map(p -> new ChatKey(p.instance().channel(), p.request().phone()))
                .toList());
    List<String> keys =
        group.stream().map(p -> dedupeKey(p.instance().instanceId(), p.request())).toList();
    Map<String, Notification> known = new HashMap<>();
    em.createQuery("select n from Notification n where n.dedupeKey in :k", Notification.class)
        .setParameter("k", new HashSet<>(keys))
        .getResultList()
        .forEach(n -> known.put(n.dedupeKey(), n));
    Set<String> optedOut =
        optOuts.among(group.stream().map(p -> p.request().phone()).collect(Collectors.toSet()));
    List<Outcome> outcomes = new ArrayList<>(group.size());
    for (int i = 0; i < group.size(); i++) {
      Pending p = group.get(i);
      String dedupe = keys.get(i);
      Notification earlier = known.get(dedupe);
      if (earlier != null && earlier.repeatedBy(now, settings.idempotency())) {
        outcomes.add(
            new Outcome(new Accepted(earlier.messageId(), true, earlier.decision()), null));
        continue;
      }
      if (earlier != null) {
        earlier.releaseKey();
        em.flush(); // the key is free before the new row claims it
      }
      try {
        Chat chat = locked.get(new ChatKey(p.instance().channel(), p.request().phone()));
        Notification notice =
            decide(p.instance(), p.key(), p.request(), chat, dedupe, optedOut, now);
        known.put(dedupe, notice);
        outcomes.add(new Outcome(new Accepted(notice.messageId(), false, notice.decision()), null));
      } catch (BadRequest refused) {
        outcomes.add(new Outcome(null, refused));
      }
    }
    return outcomes;
  }

  /** Stores one new notice for a locked chat, and queues its message unless it is skipped. */
  private Notification decide(
      MessagingInstance instance,
      KeyGrant key,
      NotificationRequest request,
      Chat chat,
      String dedupe,
      Set<String> optedOut,
      Instant now) {
    String language = chat.language() != null ? chat.language() : instance.language();
    Notification notice =
        new Notification(instance.instanceId(), key.keyId(), request, dedupe, language, now);
    if (request.type() != MessageType.CONFIRMATION && optedOut.contains(request.phone())) {
      em.persist(notice);
      return notice;
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
      // Refused (400) before anything of this notice is stored.
      reply = templates.asTemplate(wording, request, language);
      form = Notification.Form.TEMPLATE;
    }
    long outboundId = outbox.start(chat, instance.businessNumber(), reply, sendAfter);
    notice.queuedAs(outboundId, form, sendAfter);
    em.persist(notice);
    return notice;
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
