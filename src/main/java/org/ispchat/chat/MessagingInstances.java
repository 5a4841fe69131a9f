package org.ispchat.chat;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.Config;
import org.ispchat.platform.FreshFor;

/**
 * The WhatsApp senders ispchat knows: the {@code default} one from the configuration and those an
 * admin added. Look-ups are cached for a few seconds, because every notification and every send
 * asks; a change made on this node is seen at once, one made on another node within {@link
 * #FRESHNESS}.
 */
@ApplicationScoped
public class MessagingInstances {

  static final Duration FRESHNESS = Duration.ofSeconds(5);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Config config;
  @Inject DefaultSender defaultSender;

  private final FreshFor<String, Optional<MessagingInstance>> byId = new FreshFor<>(FRESHNESS);
  private final FreshFor<String, Optional<MessagingInstance>> byNumber = new FreshFor<>(FRESHNESS);
  private MessagingInstance configured;

  @PostConstruct
  void readDefault() {
    configured = defaultSender.businessNumber().map(this::fromConfig).orElse(null);
  }

  private MessagingInstance fromConfig(String phoneNumberId) {
    MessagingInstance d =
        new MessagingInstance(
            MessagingInstance.DEFAULT_ID,
            "Default (configuration)",
            ChannelType.WHATSAPP,
            phoneNumberId,
            Instant.EPOCH);
    d.reachCustomers(
        config
            .getOptionalValue("ispchat.time-zone", String.class)
            .filter(s -> !s.isBlank())
            .orElse(ZoneId.systemDefault().getId()),
        config
            .getOptionalValue("ispchat.send-window", String.class)
            .filter(s -> !s.isBlank())
            .orElse(SendWindow.DEFAULT.toString()),
        config
            .getOptionalValue("ispchat.notify.language", String.class)
            .filter(s -> !s.isBlank())
            .orElse("en"));
    d.manageTemplatesIn(defaultSender.templateAccount().orElse(null));
    return d;
  }

  /** The {@code default} instance, when {@code whatsapp.phone-number-id} is set. */
  public Optional<MessagingInstance> defaultInstance() {
    return Optional.ofNullable(configured);
  }

  /** The instance billing systems call by this id; a detached copy, not to be changed. */
  public Optional<MessagingInstance> find(String instanceId) {
    if (instanceId == null) {
      return Optional.empty();
    }
    if (MessagingInstance.DEFAULT_ID.equals(instanceId)) {
      return defaultInstance();
    }
    return cached(byId, instanceId, () -> stored("i.instanceId = :v", instanceId));
  }

  /** The instance that sends from this number on this channel (the default included). */
  public Optional<MessagingInstance> byNumber(ChannelType channel, String businessNumber) {
    if (configured != null
        && configured.channel() == channel
        && configured.businessNumber().equals(businessNumber)) {
      return Optional.of(configured);
    }
    String key = channel + "|" + businessNumber;
    return cached(
        byNumber,
        key,
        () ->
            em.createQuery(
                    "select i from MessagingInstance i where i.channel = :c and i.businessNumber = :n",
                    MessagingInstance.class)
                .setParameter("c", channel)
                .setParameter("n", businessNumber)
                .getResultStream()
                .findFirst());
  }

  /** Every instance, the configured default first. */
  public List<MessagingInstance> all() {
    List<MessagingInstance> all = new ArrayList<>();
    defaultInstance().ifPresent(all::add);
    all.addAll(
        em.createQuery(
                "select i from MessagingInstance i order by i.instanceId", MessagingInstance.class)
            .getResultList());
    return all;
  }

  @Transactional
  public MessagingInstance add(MessagingInstance instance) {
    if (instance.isDefault()) {
      throw new IllegalArgumentException(
          "'default' is the configured instance (whatsapp.phone-number-id); choose another id");
    }
    em.persist(instance);
    em.flush();
    forget();
    return instance;
  }

  /** Changes a stored instance under its row lock; false when there is none by that id. */
  @Transactional
  public Optional<MessagingInstance> change(String instanceId, Consumer<MessagingInstance> change) {
    Optional<MessagingInstance> found = stored("i.instanceId = :v", instanceId);
    found.ifPresent(
        i -> {
          em.lock(i, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
          em.refresh(i);
          change.accept(i);
          i.touched(clock.instant());
          em.flush();
        });
    forget();
    return found;
  }

  @Transactional
  public boolean remove(String instanceId) {
    Optional<MessagingInstance> found = stored("i.instanceId = :v", instanceId);
    found.ifPresent(em::remove);
    forget();
    return found.isPresent();
  }

  /**
   * Records the session state a provider reported for the instance sending from this number.
   * Returns the instance when its state changed.
   */
  @Transactional
  public Optional<MessagingInstance> connectionIs(
      ChannelType channel, String businessNumber, MessagingInstance.Connection state) {
    List<MessagingInstance> found =
        em.createQuery(
                "select i from MessagingInstance i where i.channel = :c and i.businessNumber = :n",
                MessagingInstance.class)
            .setParameter("c", channel)
            .setParameter("n", businessNumber)
            .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    Optional<MessagingInstance> changed =
        found.stream().filter(i -> i.connectionIs(state, clock.instant())).findFirst();
    if (changed.isPresent()) {
      forget();
    }
    return changed;
  }

  /** Drops the cache; the next look-up reads the database. */
  public void forget() {
    byId.forget();
    byNumber.forget();
  }

  private Optional<MessagingInstance> stored(String condition, String value) {
    return em.createQuery(
            "select i from MessagingInstance i where " + condition, MessagingInstance.class)
        .setParameter("v", value)
        .getResultStream()
        .findFirst();
  }

  private Optional<MessagingInstance> cached(
      FreshFor<String, Optional<MessagingInstance>> cache,
      String key,
      java.util.function.Supplier<Optional<MessagingInstance>> load) {
    return cache.get(
        key,
        clock.instant(),
        () -> {
          Optional<MessagingInstance> loaded = load.get();
          // Outside a transaction the row is detached already, and detach() itself would throw
          // TransactionRequiredException (webhooks, the dispatcher and the admin API ask without
          // one).
          if (em.isJoinedToTransaction()) {
            loaded.ifPresent(em::detach);
          }
          return loaded;
        });
  }
}
