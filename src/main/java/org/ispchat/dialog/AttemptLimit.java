package org.ispchat.dialog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed tries of one kind (a portal sign-in, a refill-card code) by one subject (a phone number,
 * an account), counted in a window: after {@code max} failures within the window the subject is
 * locked out until the window's end. Stops guessing of passwords and card codes; kept in the
 * database so a guesser gains nothing from a second node or a restart.
 */
@Entity
@Table(name = "attempt_limit")
public class AttemptLimit {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attempt_limit_seq")
  @SequenceGenerator(
      name = "attempt_limit_seq",
      sequenceName = "attempt_limit_seq",
      allocationSize = 20)
  private Long id;

  @Column(nullable = false, length = 32)
  private String kind;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false)
  private int failures;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Version private long version;

  protected AttemptLimit() {}

  public AttemptLimit(String kind, String subject, Instant now) {
    this.kind = kind;
    this.subject = subject;
    this.windowStart = now;
  }

  public boolean locked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Counts a failure; returns true when this one locks the subject out. */
  public boolean fail(Instant now, int max, Duration window) {
    if (windowStart.plus(window).isBefore(now)) {
      windowStart = now;
      failures = 0;
      lockedUntil = null;
    }
    failures++;
    if (failures >= max) {
      lockedUntil = now.plus(window);
      return true;
    }
    return false;
  }

  /** A success clears the count: the person knew the answer. */
  public void succeed() {
    failures = 0;
    lockedUntil = null;
  }

  public int failures() {
    return failures;
  }
}
