package org.ispchat.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An admin's wording of one notice type for one instance and language: the free text sent inside
 * the 24-hour window, and the WhatsApp template used outside it (its name, language, how many
 * parameters it takes and which request fields fill them, in order). A field left null keeps the
 * default ({@link NoticeWording}).
 */
@Entity
@Table(name = "notice_template")
public class NoticeTemplate {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_template_seq")
  @SequenceGenerator(
      name = "notice_template_seq",
      sequenceName = "notice_template_seq",
      allocationSize = 1)
  private Long id;

  @Column(name = "instance_id", nullable = false, length = 64)
  private String instanceId;

  @Enumerated(EnumType.STRING)
  @Column(name = "message_type", nullable = false, length = 32)
  private MessageType type;

  @Column(nullable = false, length = 8)
  private String language;

  @Column(name = "body")
  private String text;

  @Column(name = "template_name", length = 512)
  private String templateName;

  @Column(name = "template_language", length = 16)
  private String templateLanguage;

  /** Comma-separated request fields filling {{1}}, {{2}}, ... */
  @Column(length = 500)
  private String parameters;

  /** How many parameters the template takes, as WhatsApp knows it. */
  @Column(name = "parameter_count")
  private Integer parameterCount;

  @Column(name = "approval_status", length = 32)
  private String approvalStatus;

  @Column(name = "approval_checked_at")
  private Instant approvalCheckedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected NoticeTemplate() {}

  public NoticeTemplate(String instanceId, MessageType type, String language, Instant now) {
    this.instanceId = instanceId;
    this.type = type;
    this.language = language;
    this.updatedAt = now;
  }

  /** Sets the free text; null or blank returns to the default. */
  public void reword(String text, Instant now) {
    this.text = text == null || text.isBlank() ? null : text;
    this.updatedAt = now;
  }

  /**
   * Names the template and maps its parameters. Each parameter must be a request field; the count
   * is what the template takes (null: as many as mapped).
   */
  public void useTemplate(
      String name, String language, List<String> parameters, Integer parameterCount, Instant now) {
    for (String p : parameters) {
      if (!NoticeWording.FIELDS.contains(p)) {
        throw new IllegalArgumentException(
            "template parameter '" + p + "' is not one of " + NoticeWording.FIELDS);
      }
    }
    this.templateName = name == null || name.isBlank() ? null : name.strip();
    this.templateLanguage = language == null || language.isBlank() ? null : language.strip();
    this.parameters = parameters.isEmpty() ? null : String.join(",", parameters);
    this.parameterCount = parameterCount;
    this.updatedAt = now;
  }

  /** What WhatsApp says of the template (APPROVED, PENDING, REJECTED, ...). */
  public void approval(String status, Integer parameterCount, Instant now) {
    this.approvalStatus = status;
    if (parameterCount != null) {
      this.parameterCount = parameterCount;
    }
    this.approvalCheckedAt = now;
  }

  public String instanceId() {
    return instanceId;
  }

  public MessageType type() {
    return type;
  }

  public String language() {
    return language;
  }

  public String text() {
    return text;
  }

  public String templateName() {
    return templateName;
  }

  public String templateLanguage() {
    return templateLanguage;
  }

  public List<String> parameters() {
    return parameters == null ? null : Arrays.asList(parameters.split(","));
  }

  public Integer parameterCount() {
    return parameterCount;
  }

  public String approvalStatus() {
    return approvalStatus;
  }

  public Instant approvalCheckedAt() {
    return approvalCheckedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
