package org.ispchat.chat.whatsapp;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.ispchat.chat.Channel;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Reply;
import org.ispchat.chat.SendResult;

/** Sends replies through the WhatsApp Cloud API. */
@ApplicationScoped
public class WhatsAppChannel implements Channel {

  @Inject WhatsAppSettings settings;
  @Inject org.ispchat.chat.MessagingInstances instances;

  private GraphApi graph;

  @PostConstruct
  void connect() {
    graph = settings.graphClient(GraphApi.class);
  }

  @Override
  public ChannelType type() {
    return ChannelType.WHATSAPP;
  }

  @Override
  public SendResult send(String businessNumber, String recipient, Reply reply, String correlation) {
    // An added Cloud API instance may carry its own token (another Meta app); else the configured.
    String token =
        instances
            .byNumber(ChannelType.WHATSAPP, businessNumber)
            .map(settings::tokenFor)
            .orElse(settings.accessToken())
            .orElse(null);
    if (token == null) {
      return new SendResult.RetryLater(
          "not-configured", "whatsapp.access-token is not set; the reply waits until it is", null);
    }
    var body = WhatsAppMessages.toGraph(recipient, reply, correlation);
    try (Response response = graph.sendMessage(businessNumber, "Bearer " + token, body)) {
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      return GraphErrors.classify(response.getStatus(), text);
    } catch (ProcessingException e) {
      return new SendResult.RetryLater("network", rootMessage(e), null);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
