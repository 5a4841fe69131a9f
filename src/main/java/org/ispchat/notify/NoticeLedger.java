package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ispchat.chat.InboundMessage;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.MessagingInstances;
import org.ispchat.outbox.OutboundMessage;

/**
 * Reads notifications' statuses, one by id or as a feed of changes since a cursor, together with
 * the customers' inbound messages on the instances a key may see.
 *
 * <p>The feed is ordered by the time each row last changed. Rows are written by several nodes whose
 * transactions commit a little after the time they stamp, so the feed stops {@link #SETTLE} short
 * of now: a row stamped earlier but committed later than a page was read would otherwise be skipped
 * by the next page's cursor.
 */
@ApplicationScoped
public class NoticeLedger {

  static final Duration SETTLE = Duration.ofSeconds(2);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject MessagingInstances instances;

  public Optional<NoticeStatus> status(String messageId) {
    List<Object[]> rows =
        em.createQuery(
                "select n, o from Notification n left join OutboundMessage o on o.id = n.outboundId"
                    + " where n.messageId = :m",
                Object[].class)
            .setParameter("m", messageId)
            .getResultList();
    Instant now = clock.instant();
    return rows.stream()
        .findFirst()
        .map(r -> NoticeStatus.of((Notification) r[0], (OutboundMessage) r[1], now));
  }

  /** One entry of the feed. */
  public sealed interface Change {
    Instant at();

    String order();
  }

  public record StatusChange(NoticeStatus status) implements Change {
    @Override
    public Instant at() {
      return status.updatedAt();
    }

    @Override
    public String order() {
      return "s" + status.notice().id();
    }
  }

  public record Inbound(InboundMessage message, String instanceId) implements Change {
    @Override
    public Instant at() {
      return message.receivedAt();
    }

    @Override
    public String order() {
      return "i" + message.id();
    }
  }

  /** A page of changes after the cursor, and the cursor to ask with next. */
  public record Page(List<Change> changes, FeedCursor next) {}

  public Page since(FeedCursor cursor, Set<String> scope, int limit) {
    Instant now = clock.instant();
    Instant until = now.minus(SETTLE);
    List<MessagingInstance> visible =
        instances.all().stream()
            .filter(i -> scope.isEmpty() || scope.contains(i.instanceId()))
            .toList();
    List<Change> changes = new ArrayList<>();
    if (!visible.isEmpty()) {
      List<String> ids = visible.stream().map(MessagingInstance::instanceId).toList();
      List<Object[]> rows =
          em.createQuery(
                  "select n, o from Notification n left join OutboundMessage o on o.id ="
                      + " n.outboundId where n.instanceId in :ids"
                      + " and coalesce(o.updatedAt, n.updatedAt) >= :from"
                      + " and coalesce(o.updatedAt, n.updatedAt) <= :until"
                      + " order by coalesce(o.updatedAt, n.updatedAt), n.id",
                  Object[].class)
              .setParameter("ids", ids)
              .setParameter("from", cursor.at())
              .setParameter("until", until)
              .setMaxResults(limit + 1)
              .getResultList();
      for (Object[] r : rows) {
        changes.add(
            new StatusChange(NoticeStatus.of((Notification) r[0], (OutboundMessage) r[1], now)));
      }
    }
    for (MessagingInstance i : visible) {
      List<InboundMessage> inbound =
          em.createQuery(
                  "select m from InboundMessage m where m.channel = :c and m.businessNumber = :b"
                      + " and m.receivedAt >= :from and m.receivedAt <= :until"
                      + " order by m.receivedAt, m.id",
                  InboundMessage.class)
              .setParameter("c", i.channel())
              .setParameter("b", i.businessNumber())
              .setParameter("from", cursor.at())
              .setParameter("until", until)
              .setMaxResults(limit + 1)
              .getResultList();
      inbound.forEach(m -> changes.add(new Inbound(m, i.instanceId())));
    }
    List<Change> page =
        changes.stream()
            .filter(c -> !c.at().isAfter(until) && cursor.before(c.at(), c.order()))
            .sorted(Comparator.comparing(Change::at).thenComparing(Change::order))
            .limit(limit)
            .toList();
    FeedCursor next =
        page.isEmpty()
            ? cursor
            : new FeedCursor(page.get(page.size() - 1).at(), page.get(page.size() - 1).order());
    return new Page(page, next);
  }
}
