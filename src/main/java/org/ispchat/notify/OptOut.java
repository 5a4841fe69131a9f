package org.ispchat.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer who asked for no more reminders (wrote STOP); deleted when they write START. */
@Entity
@Table(name = "opt_out")
public class OptOut {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "opt_out_seq")
  @SequenceGenerator(name = "opt_out_seq", sequenceName = "opt_out_seq", allocationSize = 20)
  private Long id;

  @Column(nullable = false, length = 32)
  private String phone;

  @Column(name = "opted_out_at", nullable = false)
  private Instant optedOutAt;

  /** What the customer wrote, or who recorded it. */
  @Column(nullable = false, length = 200)
  private String how;

  protected OptOut() {}

  OptOut(String phone, String how, Instant now) {
    this.phone = phone;
    this.how = how.length() > 200 ? how.substring(0, 200) : how;
    this.optedOutAt = now;
  }

  public String phone() {
    return phone;
  }

  public Instant optedOutAt() {
    return optedOutAt;
  }

  public String how() {
    return how;
  }
}
