package org.ispchat.splynx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.ispchat.chat.Clip;

/**
 * A sandbox support ticket. Its subject ends with the request's reference in brackets, as ispchat
 * writes it into Splynx; the reference is kept in its own column too, to find the ticket again.
 */
@Entity
@Table(name = "sandbox_ticket")
public class SandboxTicket {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sandbox_ticket_seq")
  @SequenceGenerator(
      name = "sandbox_ticket_seq",
      sequenceName = "sandbox_ticket_seq",
      allocationSize = 1)
  private Long id;

  @Column(name = "customer_id", nullable = false, length = 16)
  private String customerId;

  @Column(nullable = false, length = 300)
  private String subject;

  @Column(length = 64)
  private String reference;

  @Column(nullable = false)
  private boolean closed;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SandboxTicket() {}

  public SandboxTicket(String customerId, String subject, String reference, Instant now) {
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.reference = reference;
    String title = subject == null || subject.isBlank() ? "WhatsApp" : subject.strip();
    String suffix = reference == null ? "" : " [" + reference + "]";
    // The column holds 300 characters; the reference must survive the cut.
    this.subject = Clip.cut(title, 300 - suffix.length()) + suffix;
    this.createdAt = now;
  }

  /** Closed by an agent; closing twice is harmless. */
  public void close() {
    closed = true;
  }

  public Ticket asTicket() {
    return new Ticket(String.valueOf(id), closed);
  }

  public Long id() {
    return id;
  }

  public String subject() {
    return subject;
  }

  public boolean closed() {
    return closed;
  }
}
