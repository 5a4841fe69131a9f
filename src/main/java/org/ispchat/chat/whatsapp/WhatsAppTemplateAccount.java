package org.ispchat.chat.whatsapp;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.TemplateAccount;
import org.ispchat.chat.TemplateAccountFailure;
import org.ispchat.chat.TemplateDraft;
import org.ispchat.chat.TemplateState;
import org.ispchat.chat.TemplateSubmission;
import org.ispchat.platform.Causes;

/**
 * A Cloud API instance's templates, kept in its WhatsApp Business Account. Called with the
 * instance's own access token when it has one (another Meta app), else the configured one.
 */
@ApplicationScoped
public class WhatsAppTemplateAccount implements TemplateAccount {

  private static final Logger LOG = Logger.getLogger(WhatsAppTemplateAccount.class.getName());

  @Inject WhatsAppSettings settings;

  private MessageTemplatesApi graph;

  @PostConstruct
  void connect() {
    graph = settings.graphClient(MessageTemplatesApi.class);
  }

  @Override
  public TemplateSubmission submit(MessagingInstance instance, TemplateDraft draft) {
    String waba = account(instance);
    Optional<String> token = settings.tokenFor(instance);
    if (token.isEmpty()) {
      return new TemplateSubmission.Refused("not-configured", NO_TOKEN);
    }
    TemplateSubmission outcome;
    try (Response r =
        graph.create(waba, "Bearer " + token.get(), WhatsAppTemplates.toGraph(draft))) {
      outcome =
          WhatsAppTemplates.submission(
              r.getStatus(), r.hasEntity() ? r.readEntity(String.class) : "");
    } catch (ProcessingException e) {
      outcome = new TemplateSubmission.Refused("network", unreachable(e));
    }
    LOG.log(
        Level.INFO,
        "Template {0} ({1}) submitted to WABA {2} of instance {3}: {4}",
        new Object[] {
          draft.name(),
          draft.language(),
          waba,
          instance.instanceId(),
          outcome.getClass().getSimpleName()
        });
    return outcome;
  }

  @Override
  public List<TemplateState> states(MessagingInstance instance, Collection<String> names) {
    String waba = account(instance);
    String token =
        settings.tokenFor(instance).orElseThrow(() -> new TemplateAccountFailure(NO_TOKEN));
    List<TemplateState> states = new ArrayList<>();
    // One call per name keeps each answer to one page; ispchat's notices use at most eight.
    for (String name : new LinkedHashSet<>(names)) {
      try (Response r =
          graph.list(
              waba,
              "Bearer " + token,
              name,
              WhatsAppTemplates.FIELDS,
              WhatsAppTemplates.LIST_LIMIT)) {
        states.addAll(
            WhatsAppTemplates.states(
                r.getStatus(), r.hasEntity() ? r.readEntity(String.class) : "", List.of(name)));
      } catch (ProcessingException e) {
        throw new TemplateAccountFailure(unreachable(e));
      }
    }
    return states;
  }

  private static String account(MessagingInstance instance) {
    if (instance.channel() != ChannelType.WHATSAPP || instance.wabaId() == null) {
      throw new IllegalArgumentException(
          "instance " + instance.instanceId() + " has no WhatsApp Business Account");
    }
    return instance.wabaId();
  }

  private static final String NO_TOKEN =
      "No WhatsApp access token: set whatsapp.access-token or give the instance its own.";

  private static String unreachable(ProcessingException e) {
    return "WhatsApp's Graph API could not be reached: " + Causes.rootText(e);
  }
}
