package org.ispchat.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.InboundMessage;

/** What was said with one person, both ways, newest first, with delivery state. No bodies. */
@ApplicationScoped
public class MessageLog {

  @PersistenceContext EntityManager em;

  /** One line of the log. */
  public record Entry(
      String direction,
      long id,
      String providerMessageId,
      String inReplyTo,
      String kind,
      String status,
      int attempts,
      String errorCode,
      String errorDetail,
      Instant at,
      Instant updatedAt,
      boolean textForgotten) {}

  public List<Entry> forPerson(ChannelType channel, String person, int limit) {
    List<Entry> entries = new ArrayList<>();
    em.createQuery(
            "select o from OutboundMessage o where o.channel = :c and o.recipient = :p"
                + " order by o.id desc",
            OutboundMessage.class)
        .setParameter("c", channel)
        .setParameter("p", person)
        .setMaxResults(limit)
        .getResultList()
        .forEach(
            o ->
                entries.add(
                    new Entry(
                        "out",
                        o.id(),
                        o.providerMessageId(),
                        o.inReplyTo(),
                        o.kind(),
                        o.status().name().toLowerCase(java.util.Locale.ROOT),
                        o.attempts(),
                        o.errorCode(),
                        o.errorDetail(),
                        o.createdAt(),
                        o.updatedAt(),
                        o.forgotten())));
    em.createQuery(
            "select m from InboundMessage m where m.channel = :c and m.sender = :p"
                + " order by m.id desc",
            InboundMessage.class)
        .setParameter("c", channel)
        .setParameter("p", person)
        .setMaxResults(limit)
        .getResultList()
        .forEach(
            m ->
                entries.add(
                    new Entry(
                        "in",
                        m.id(),
                        m.providerMessageId(),
                        null,
                        m.kind().name().toLowerCase(java.util.Locale.ROOT),
                        m.status().name().toLowerCase(java.util.Locale.ROOT),
                        m.attempts(),
                        null,
                        m.lastError(),
                        m.receivedAt(),
                        m.receivedAt(),
                        m.forgotten())));
    entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::id).reversed());
    return entries.size() > limit ? entries.subList(0, limit) : entries;
  }
}
