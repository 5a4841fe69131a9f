package org.ispchat.chat.evolution;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.ispchat.chat.Channel;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.MessagingInstances;
import org.ispchat.chat.Reply;
import org.ispchat.chat.SendResult;
import org.ispchat.platform.Causes;

/**
 * Sends replies through an Evolution API instance ({@code POST /message/sendText/{instance}}). Text
 * only: over Baileys, Evolution has no templates, and buttons and lists do not show on recent
 * WhatsApp clients, so a menu goes as numbered text (which the dialog understands) and a template
 * as the text it stands for.
 */
@ApplicationScoped
public class EvolutionChannel implements Channel {

  @Inject MessagingInstances instances;
  @Inject EvolutionClients clients;

  @Override
  public ChannelType type() {
    return ChannelType.EVOLUTION;
  }

  /**
   * @param businessNumber the Evolution instance name
   * @param recipient the person's number, international digits
   */
  @Override
  public SendResult send(String businessNumber, String recipient, Reply reply, String correlation) {
    Optional<MessagingInstance> found = instances.byNumber(ChannelType.EVOLUTION, businessNumber);
    if (found.isEmpty()) {
      return new SendResult.RetryLater(
          "no-instance", "no Evolution instance " + businessNumber + " is configured", null);
    }
    MessagingInstance instance = found.get();
    if (!instance.hasCredential() || instance.apiUrl() == null) {
      return new SendResult.RetryLater(
          "not-configured",
          "instance " + instance.instanceId() + " has no api_url or api_key; the reply waits",
          null);
    }
    if (!instance.connection().canSend()) {
      return new SendResult.RetryLater(
          "not-connected",
          "Evolution instance "
              + businessNumber
              + " is "
              + instance.connection().wire()
              + " (its WhatsApp session is not open); the reply waits",
          null);
    }
    var text =
        JSON.createObjectBuilder()
            .add("number", recipient.replaceAll("[^0-9]", ""))
            .add("text", reply.asText())
            .build();
    try (Response response =
        clients.at(instance.apiUrl()).sendText(businessNumber, instance.credential(), text)) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      return EvolutionErrors.classify(response.getStatus(), body, businessNumber);
    } catch (ProcessingException e) {
      return new SendResult.RetryLater("network", Causes.rootText(e), null);
    } catch (IllegalArgumentException e) {
      return new SendResult.RetryLater(
          "not-configured",
          "api_url of instance " + instance.instanceId() + " is not usable",
          null);
    }
  }
}
