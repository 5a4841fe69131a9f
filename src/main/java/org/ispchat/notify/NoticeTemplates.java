package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.ispchat.chat.Reply;
import org.ispchat.platform.FreshFor;

/**
 * The wording of each notice for an instance and language: an admin's ({@link NoticeTemplate})
 * where there is one, else the defaults. Read on every notification, so cached for {@link
 * #FRESHNESS}; a change made through this node is seen at once.
 */
@ApplicationScoped
public class NoticeTemplates {

  static final Duration FRESHNESS = Duration.ofSeconds(10);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  private final FreshFor<String, Wording> wordings = new FreshFor<>(FRESHNESS);

  /**
   * Everything needed to word one notice type in one language for one instance.
   *
   * @param parameterCount how many parameters the template takes
   */
  public record Wording(
      String text,
      String templateName,
      String templateLanguage,
      List<String> parameters,
      int parameterCount,
      String approvalStatus) {}

  public Wording wording(String instanceId, MessageType type, String language) {
    return wordings.get(
        instanceId + "|" + type + "|" + language,
        clock.instant(),
        () -> merge(stored(instanceId, type, language), type, language));
  }

  /** The free-text form, for an open window or a channel without templates. */
  public Reply.Text asText(Wording w, NotificationRequest request) {
    return new Reply.Text(NoticeWording.fill(w.text(), NoticeWording.values(request)));
  }

  /**
   * The template form. Refused before anything is queued when the mapped parameters do not match
   * what the template takes: WhatsApp would reject it (132000) after the billing system had been
   * told it was accepted.
   */
  public Reply.Template asTemplate(Wording w, NotificationRequest request, String language) {
    if (w.parameters().size() != w.parameterCount()) {
      throw new TemplateMismatch(
          "Template '"
              + w.templateName()
              + "' ("
              + w.templateLanguage()
              + ") takes "
              + w.parameterCount()
              + " parameter(s) but "
              + w.parameters().size()
              + " are mapped for this instance ("
              + String.join(", ", w.parameters())
              + "); an admin must fix the notice template. Nothing was sent.");
    }
    Map<String, String> values = NoticeWording.values(request);
    List<String> parameters = new ArrayList<>();
    for (String field : w.parameters()) {
      String value = values.get(field);
      // WhatsApp refuses empty parameters; a template that shows a due date says "not stated".
      parameters.add(
          value == null || value.isBlank() ? NoticeWording.text("due_date.none", language) : value);
    }
    return new Reply.Template(
        w.templateName(), w.templateLanguage(), parameters, asText(w, request).body());
  }

  /** The admin's wordings stored for this instance (rows exist only for what was changed). */
  public List<NoticeTemplate> storedFor(String instanceId) {
    return em.createQuery(
            "select t from NoticeTemplate t where t.instanceId = :i", NoticeTemplate.class)
        .setParameter("i", instanceId)
        .getResultList();
  }

  /**
   * Changes the stored wording of one type and language, creating its row on first use, and forgets
   * the cache so this node uses the change at once.
   */
  @Transactional
  public NoticeTemplate change(
      String instanceId, MessageType type, String language, Consumer<NoticeTemplate> change) {
    NoticeTemplate row =
        stored(instanceId, type, language)
            .orElseGet(
                () -> {
                  NoticeTemplate created =
                      new NoticeTemplate(instanceId, type, language, clock.instant());
                  em.persist(created);
                  return created;
                });
    change.accept(row);
    em.flush();
    forget();
    return row;
  }

  /** Forgets cached wordings (after an admin changed one). */
  public void forget() {
    wordings.forget();
  }

  private Optional<NoticeTemplate> stored(String instanceId, MessageType type, String language) {
    return em.createQuery(
            "select t from NoticeTemplate t where t.instanceId = :i and t.type = :t"
                + " and t.language = :l",
            NoticeTemplate.class)
        .setParameter("i", instanceId)
        .setParameter("t", type)
        .setParameter("l", language)
        .getResultStream()
        .findFirst();
  }

  static Wording merge(Optional<NoticeTemplate> stored, MessageType type, String language) {
    String text =
        stored.map(NoticeTemplate::text).orElse(NoticeWording.defaultText(type, language));
    String name =
        stored.map(NoticeTemplate::templateName).orElse(NoticeWording.defaultTemplateName(type));
    String templateLanguage = stored.map(NoticeTemplate::templateLanguage).orElse(language);
    List<String> parameters =
        stored.map(NoticeTemplate::parameters).orElse(NoticeWording.defaultParameters(type));
    int count =
        stored
            .map(NoticeTemplate::parameterCount)
            .orElse(
                stored.map(NoticeTemplate::templateName).isPresent()
                    ? parameters.size()
                    : NoticeWording.placeholders(
                        NoticeWording.defaultTemplateBody(type, language)));
    return new Wording(
        text,
        name,
        templateLanguage,
        List.copyOf(parameters),
        count,
        stored.map(NoticeTemplate::approvalStatus).orElse(null));
  }
}
