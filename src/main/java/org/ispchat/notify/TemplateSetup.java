package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.MessagingInstances;
import org.ispchat.chat.TemplateAccount;
import org.ispchat.chat.TemplateAccountFailure;
import org.ispchat.chat.TemplateDraft;
import org.ispchat.chat.TemplateState;
import org.ispchat.chat.TemplateSubmission;
import org.ispchat.platform.ApiFailure;
import org.ispchat.platform.UniqueViolation;

/**
 * Setting an instance's notice templates up: what each of the four notices says in each language
 * (an admin's wording or the default), the admin's changes, submitting the default templates to the
 * instance's WhatsApp Business Account, and reading back what WhatsApp approved. Every refusal is
 * an {@link ApiFailure} with the admin API's status and words.
 */
@ApplicationScoped
public class TemplateSetup {

  /** The languages notices are written in. */
  static final List<String> LANGUAGES = List.of("en", "ar");

  /** Shown to Meta's reviewers for {{1}}..{{4}}: customer_name, amount, invoice_id, due_date. */
  static final List<String> EXAMPLES = List.of("John Doe", "KES 1,500.00", "INV-001", "2026-02-15");

  /** Stored when the account has no template of the mapped name and language. */
  static final String NOT_FOUND = "NOT_FOUND";

  private static final Logger LOG = Logger.getLogger(TemplateSetup.class.getName());

  @Inject MessagingInstances instances;
  @Inject NoticeTemplates templates;
  @Inject TemplateAccount account;
  @Inject Clock clock;

  /** One notice type in one language, as it would be sent now. */
  public record Entry(
      MessageType type,
      String language,
      String text,
      boolean textOverridden,
      String templateName,
      String templateLanguage,
      List<String> parameters,
      int parameterCount,
      String approvalStatus,
      Instant approvalCheckedAt) {

    /** Why a notice outside the 24-hour window would be refused, or empty. */
    public Optional<String> problem() {
      if (parameters.size() == parameterCount) {
        return Optional.empty();
      }
      return Optional.of(
          "Template '"
              + templateName
              + "' ("
              + templateLanguage
              + ") takes "
              + parameterCount
              + " parameter(s) but "
              + parameters.size()
              + " are mapped; notices outside the 24-hour window will be refused with 400 until"
              + " they match.");
    }
  }

  /** What became of one template on submission. */
  public record Submission(String name, String language, TemplateSubmission outcome) {}

  /** The four notices in both languages. */
  public List<Entry> view(String instanceId) {
    instance(instanceId);
    return entries(instanceId);
  }

  /** Applies an admin's change; answers the entry as it now is, and warnings about the text. */
  public Changed change(String instanceId, String messageType, String language, String body) {
    instance(instanceId);
    MessageType type =
        MessageType.fromWire(messageType)
            .orElseThrow(
                () ->
                    new ApiFailure(
                        400,
                        "Unknown message_type '"
                            + messageType
                            + "'; one of "
                            + MessageType.listed()
                            + "."));
    if (!LANGUAGES.contains(language)) {
      throw new ApiFailure(400, "Unknown language '" + language + "'; one of en, ar.");
    }
    TemplateChange change;
    try {
      change = TemplateChange.parse(body);
    } catch (BadRequest e) {
      throw new ApiFailure(400, e.getMessage());
    }
    store(instanceId, type, language, row -> change.applyTo(row, clock.instant()));
    LOG.log(
        Level.INFO,
        "Notice wording {0}/{1} of instance {2} changed",
        new Object[] {type.wire(), language, instanceId});
    Entry entry =
        entries(instanceId).stream()
            .filter(e -> e.type() == type && e.language().equals(language))
            .findFirst()
            .orElseThrow();
    return new Changed(entry, change.warnings());
  }

  /** The entry after a change, with what the admin should know about it. */
  public record Changed(Entry entry, List<String> warnings) {}

  /**
   * Submits the four default templates in both languages to the instance's WhatsApp Business
   * Account. A template already there is not an error: submitting again is how a script makes sure
   * they all exist.
   */
  public List<Submission> submit(String instanceId) {
    MessagingInstance instance = withTemplates(instanceId);
    List<Submission> submissions = new ArrayList<>();
    for (MessageType type : MessageType.values()) {
      for (String language : LANGUAGES) {
        TemplateDraft draft = draft(type, language);
        TemplateSubmission outcome = account.submit(instance, draft);
        if (outcome instanceof TemplateSubmission.Submitted s) {
          recordSubmitted(instanceId, type, language, draft, s.status());
        }
        submissions.add(new Submission(draft.name(), draft.language(), outcome));
      }
    }
    return submissions;
  }

  /**
   * Reads what WhatsApp says of each notice's template (approval, and the parameters it takes,
   * counted from its body) and stores it; answers the view.
   */
  public List<Entry> refresh(String instanceId) {
    MessagingInstance instance = withTemplates(instanceId);
    List<Entry> entries = entries(instanceId);
    List<String> names = entries.stream().map(Entry::templateName).distinct().toList();
    List<TemplateState> states;
    try {
      states = account.states(instance, names);
    } catch (TemplateAccountFailure e) {
      throw new ApiFailure(502, e.getMessage());
    }
    Map<String, TemplateState> byKey =
        states.stream()
            .collect(
                Collectors.toMap(
                    s -> s.name() + "|" + s.language(), Function.identity(), (a, b) -> a));
    Instant now = clock.instant();
    int approved = 0;
    for (Entry e : entries) {
      TemplateState state = byKey.get(e.templateName() + "|" + e.templateLanguage());
      String status = state == null ? NOT_FOUND : state.status();
      Integer count = state == null ? null : NoticeWording.placeholders(state.body());
      store(instanceId, e.type(), e.language(), row -> row.approval(status, count, now));
      approved += "APPROVED".equals(status) ? 1 : 0;
    }
    LOG.log(
        Level.INFO,
        "Template approvals of instance {0} read from WhatsApp: {1} of {2} notices approved",
        new Object[] {instanceId, approved, entries.size()});
    return entries(instanceId);
  }

  static TemplateDraft draft(MessageType type, String language) {
    String body = NoticeWording.defaultTemplateBody(type, language);
    return new TemplateDraft(
        NoticeWording.defaultTemplateName(type),
        language,
        body,
        EXAMPLES.subList(0, NoticeWording.placeholders(body)));
  }

  /** The entries as {@link NoticeTemplates} would word them, from the stored rows and defaults. */
  private List<Entry> entries(String instanceId) {
    Map<String, NoticeTemplate> stored =
        templates.storedFor(instanceId).stream()
            .collect(Collectors.toMap(t -> t.type() + "|" + t.language(), Function.identity()));
    List<Entry> entries = new ArrayList<>();
    for (MessageType type : MessageType.values()) {
      for (String language : LANGUAGES) {
        Optional<NoticeTemplate> row = Optional.ofNullable(stored.get(type + "|" + language));
        NoticeTemplates.Wording w = NoticeTemplates.merge(row, type, language);
        entries.add(
            new Entry(
                type,
                language,
                w.text(),
                row.map(NoticeTemplate::text).isPresent(),
                w.templateName(),
                w.templateLanguage(),
                w.parameters(),
                w.parameterCount(),
                w.approvalStatus(),
                row.map(NoticeTemplate::approvalCheckedAt).orElse(null)));
      }
    }
    return entries;
  }

  /**
   * A fresh submission is PENDING: shown at once for the notice that uses that template (not for
   * one an admin mapped to a template of their own).
   */
  private void recordSubmitted(
      String instanceId, MessageType type, String language, TemplateDraft draft, String status) {
    Entry current =
        entries(instanceId).stream()
            .filter(e -> e.type() == type && e.language().equals(language))
            .findFirst()
            .orElseThrow();
    if (current.templateName().equals(draft.name())
        && current.templateLanguage().equals(draft.language())) {
      Instant now = clock.instant();
      int count = NoticeWording.placeholders(draft.body());
      store(instanceId, type, language, row -> row.approval(status, count, now));
    }
  }

  /** Two admins creating the same row at once: the loser's second pass changes the winner's row. */
  private void store(
      String instanceId, MessageType type, String language, Consumer<NoticeTemplate> change) {
    try {
      templates.change(instanceId, type, language, change);
    } catch (RuntimeException e) {
      if (!UniqueViolation.causes(e)) {
        throw e;
      }
      templates.change(instanceId, type, language, change);
    }
  }

  private MessagingInstance instance(String instanceId) {
    return instances
        .find(instanceId)
        .orElseThrow(() -> new ApiFailure(404, "Instance '" + instanceId + "' not found."));
  }

  /** The instance, when it is a Cloud API number with a WhatsApp Business Account to hold them. */
  private MessagingInstance withTemplates(String instanceId) {
    MessagingInstance instance = instance(instanceId);
    if (instance.channel() != ChannelType.WHATSAPP) {
      throw new ApiFailure(
          400,
          "Instance '"
              + instanceId
              + "' sends through Evolution API, which sends every notice as free text: it has no"
              + " WhatsApp templates.");
    }
    if (instance.wabaId() == null) {
      throw new ApiFailure(
          400,
          "Instance '"
              + instanceId
              + "' has no WhatsApp Business Account id, where templates are kept: "
              + (instance.isDefault()
                  ? "set whatsapp.waba-id (WHATSAPP_WABA_ID) and restart."
                  : "set its waba_id."));
    }
    return instance;
  }
}
