package org.ispchat.chat.evolution;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.MessagingInstance.Connection;
import org.ispchat.chat.MessagingInstances;
import org.ispchat.platform.Causes;

/**
 * Asks Evolution whether an instance's WhatsApp session is open ({@code GET
 * /instance/connectionState/{instance}}) and records the answer, so that replies wait while it is
 * not and the admin API shows it. {@code connection.update} webhooks say the same sooner; this
 * check covers a webhook that was lost or never configured, and a newly added instance.
 */
@ApplicationScoped
public class EvolutionSessions {

  private static final Logger LOG = Logger.getLogger(EvolutionSessions.class.getName());

  @Inject MessagingInstances instances;
  @Inject EvolutionClients clients;

  /** Checks one stored instance now; empty when it is not Evolution or could not be asked. */
  public Optional<Connection> refresh(String instanceId) {
    return instances
        .find(instanceId)
        .filter(i -> i.channel() == ChannelType.EVOLUTION)
        .flatMap(this::refresh);
  }

  /** Checks every Evolution instance, one after the other. */
  public void refreshAll() {
    for (MessagingInstance i : instances.all()) {
      if (i.channel() == ChannelType.EVOLUTION) {
        try {
          refresh(i);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING, e, () -> "Checking Evolution instance " + i.instanceId() + " failed");
        }
      }
    }
  }

  private Optional<Connection> refresh(MessagingInstance instance) {
    Optional<Connection> state = ask(instance);
    state.ifPresent(
        s ->
            instances
                .connectionIs(ChannelType.EVOLUTION, instance.businessNumber(), s)
                .ifPresent(
                    i ->
                        LOG.log(
                            Level.INFO,
                            "Evolution instance {0} ({1}) is now {2}",
                            new Object[] {i.businessNumber(), i.instanceId(), s.wire()})));
    return state;
  }

  private Optional<Connection> ask(MessagingInstance instance) {
    if (instance.apiUrl() == null || !instance.hasCredential()) {
      return Optional.empty();
    }
    try (Response response =
        clients
            .at(instance.apiUrl())
            .connectionState(instance.businessNumber(), instance.credential())) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      if (response.getStatus() != 200) {
        // 401/403: the apikey is refused; 404: Evolution has no instance of that name.
        LOG.log(
            Level.WARNING,
            "Evolution at {0} answered HTTP {1} for the state of instance {2} ({3})",
            new Object[] {
              instance.apiUrl(),
              response.getStatus(),
              instance.businessNumber(),
              instance.instanceId()
            });
        return Optional.empty();
      }
      return Optional.ofNullable(stateIn(body));
    } catch (ProcessingException | IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          "Evolution at {0} could not be asked for the state of instance {1}: {2}",
          new Object[] {instance.apiUrl(), instance.instanceId(), Causes.rootText(e)});
      return Optional.empty();
    }
  }

  /** {@code {"instance": {"instanceName": "...", "state": "open"}}}. */
  static Connection stateIn(String body) {
    try (var reader = JSON.createReader(new StringReader(body))) {
      JsonValue v = reader.readValue();
      JsonObject instance = v instanceof JsonObject o ? EvolutionJson.object(o, "instance") : null;
      return instance == null ? null : EvolutionEvents.state(EvolutionJson.text(instance, "state"));
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
