package org.ispchat.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes incoming messages and receipts, skipping the ones already stored. The unique constraints
 * are the real guard (two nodes may race); looking first keeps the common duplicate cheap and out
 * of the exception path.
 */
@ApplicationScoped
public class IntakeStore {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Stores several deliveries in one transaction; fails as a whole if a constraint is hit. */
  @Transactional
  public Set<ChatKey> storeAll(List<IncomingBatch> batches) {
    return write(batches);
  }

  /** Stores one delivery in a transaction of its own; used when a shared batch hit a constraint. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Set<ChatKey> storeAlone(IncomingBatch batch) {
    return write(List.of(batch));
  }

  private Set<ChatKey> write(List<IncomingBatch> batches) {
    Instant now = clock.instant();
    Map<String, IncomingMessage> messages = new LinkedHashMap<>();
    Map<String, IncomingReceipt> receipts = new LinkedHashMap<>();
    for (IncomingBatch batch : batches) {
      batch.messages().forEach(m -> messages.putIfAbsent(key(m), m));
      batch.receipts().forEach(r -> receipts.putIfAbsent(key(r), r));
    }
    messages.keySet().removeAll(storedMessages(messages.values()));
    // Receipts need no look-up: applying one twice changes nothing (see DeliveryReceipt).

    Set<ChatKey> chats = new HashSet<>();
    for (IncomingMessage m : messages.values()) {
      InboundMessage stored = new InboundMessage(m, now);
      em.persist(stored);
      // The key as stored (an over-long sender is clipped): the one its chat row can hold.
      chats.add(stored.chatKey());
    }
    for (IncomingReceipt r : receipts.values()) {
      em.persist(new DeliveryReceipt(r, now));
    }
    em.flush();
    return chats;
  }

  private Set<String> storedMessages(java.util.Collection<IncomingMessage> messages) {
    Set<String> stored = new HashSet<>();
    for (ChannelType channel : ChannelType.values()) {
      List<String> ids = new ArrayList<>();
      messages.stream()
          .filter(m -> m.channel() == channel)
          .forEach(m -> ids.add(m.providerMessageId()));
      if (!ids.isEmpty()) {
        em.createQuery(
                "select m.providerMessageId from InboundMessage m"
                    + " where m.channel = :channel and m.providerMessageId in :ids",
                String.class)
            .setParameter("channel", channel)
            .setParameter("ids", ids)
            .getResultList()
            .forEach(id -> stored.add(channel + "|" + id));
      }
    }
    return stored;
  }

  private static String key(IncomingMessage m) {
    return m.channel() + "|" + m.providerMessageId();
  }

  private static String key(IncomingReceipt r) {
    return r.channel() + "|" + r.providerMessageId() + "|" + r.status();
  }
}
