package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Clip;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.MessagingInstances;
import org.ispchat.chat.evolution.EvolutionSessions;
import org.ispchat.platform.ApiFailure;
import org.ispchat.platform.UniqueViolation;

/**
 * Adds, changes and removes the WhatsApp senders admins keep (the {@code default} one belongs to
 * the configuration and is only shown). Ids and webhook secrets an admin leaves out are made here;
 * an Evolution instance's session state is asked for as soon as it is saved, so the answer already
 * says whether it can send.
 */
@ApplicationScoped
public class InstanceSetup {

  private static final Logger LOG = Logger.getLogger(InstanceSetup.class.getName());
  private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
  private static final int ID_LENGTH = 10;
  private static final int SECRET_BYTES = 24;

  @Inject MessagingInstances instances;
  @Inject EvolutionSessions sessions;
  @Inject Clock clock;
  @Inject Config config;

  private final SecureRandom random = new SecureRandom();

  /** A new instance, and the webhook secret made for it (empty when the admin gave one). */
  public record Created(MessagingInstance instance, Optional<String> madeSecret) {}

  public List<MessagingInstance> all() {
    return instances.all();
  }

  public MessagingInstance get(String instanceId) {
    return instances.find(instanceId).orElseThrow(() -> unknown(instanceId));
  }

  public Created create(JsonValue body) {
    InstanceRequest r = InstanceRequest.toCreate(body);
    String id = r.instanceId() != null ? r.instanceId() : newId();
    if (MessagingInstance.DEFAULT_ID.equals(id)) {
      throw new ApiFailure(
          409, "instance_id 'default' is the configured instance; choose another id.");
    }
    if (instances.find(id).isPresent()) {
      throw new ApiFailure(409, "An instance with instance_id '" + id + "' exists.");
    }
    instances
        .byNumber(r.provider(), r.number())
        .ifPresent(
            other -> {
              throw new ApiFailure(
                  409,
                  InstanceRequest.numberField(r.provider())
                      + " '"
                      + r.number()
                      + "' is already instance '"
                      + other.instanceId()
                      + "'.");
            });
    Optional<String> made =
        r.provider() == ChannelType.EVOLUTION && r.webhookSecret() == null
            ? Optional.of(newSecret())
            : Optional.empty();
    MessagingInstance instance;
    try {
      instance = new MessagingInstance(id, r.name(), r.provider(), r.number(), clock.instant());
      instance.sendThrough(r.apiUrl(), r.credential());
      instance.acceptWebhooksWith(made.orElse(r.webhookSecret()));
      instance.reachCustomers(
          orConfigured(r.timeZone(), "ispchat.time-zone"),
          orConfigured(r.sendWindow(), "ispchat.send-window"),
          orConfigured(r.language(), "ispchat.notify.language"));
      instance.manageTemplatesIn(r.wabaId());
    } catch (IllegalArgumentException e) {
      throw new ApiFailure(400, e.getMessage() + ".");
    }
    try {
      instances.add(instance);
    } catch (RuntimeException e) {
      if (UniqueViolation.causes(e)) {
        throw new ApiFailure(
            409, "An instance with this instance_id or this number was added at the same moment.");
      }
      throw e;
    }
    LOG.log(
        Level.INFO,
        "Instance {0} added: {1} {2}",
        new Object[] {id, InstanceRequest.wire(r.provider()), r.number()});
    checkSession(instance);
    return new Created(get(id), made);
  }

  public MessagingInstance change(String instanceId, JsonValue body) {
    MessagingInstance current = stored(instanceId);
    InstanceRequest r = InstanceRequest.toChange(body, current);
    try {
      instances
          .change(
              instanceId,
              i -> {
                if (r.name() != null) {
                  i.rename(r.name());
                }
                if (r.apiUrl() != null || r.credential() != null) {
                  i.sendThrough(r.apiUrl() != null ? r.apiUrl() : i.apiUrl(), r.credential());
                }
                i.acceptWebhooksWith(r.webhookSecret());
                i.reachCustomers(r.timeZone(), r.sendWindow(), r.language());
                i.manageTemplatesIn(r.wabaId());
              })
          .orElseThrow(() -> unknown(instanceId));
    } catch (IllegalArgumentException e) {
      throw new ApiFailure(400, e.getMessage() + ".");
    }
    LOG.log(Level.INFO, "Instance {0} changed", instanceId);
    checkSession(current);
    return get(instanceId);
  }

  public void remove(String instanceId) {
    stored(instanceId);
    if (!instances.remove(instanceId)) {
      throw unknown(instanceId);
    }
    LOG.log(Level.INFO, "Instance {0} removed", instanceId);
  }

  /** A stored instance: the {@code default} cannot be changed here. */
  private MessagingInstance stored(String instanceId) {
    MessagingInstance current = get(instanceId);
    if (current.isDefault()) {
      throw new ApiFailure(
          409,
          "The default instance comes from the configuration (whatsapp.phone-number-id and"
              + " ispchat.* settings); change it there.");
    }
    return current;
  }

  private void checkSession(MessagingInstance instance) {
    if (instance.channel() == ChannelType.EVOLUTION) {
      // Not a condition of saving: a server that is down now is asked again within a minute.
      sessions.refresh(instance.instanceId());
    }
  }

  private String orConfigured(String given, String key) {
    return given != null
        ? given
        : config.getOptionalValue(key, String.class).filter(s -> !s.isBlank()).orElse(null);
  }

  private String newId() {
    char[] id = new char[ID_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
    }
    return new String(id);
  }

  private String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static ApiFailure unknown(String instanceId) {
    return new ApiFailure(
        404,
        "No instance with instance_id '"
            + Clip.withEllipsis(String.valueOf(instanceId), 64)
            + "'.");
  }
}
