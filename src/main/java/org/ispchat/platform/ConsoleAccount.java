package org.ispchat.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in to the console or calls the admin API. Only the password hash is kept. */
@Entity
@Table(name = "console_account")
public class ConsoleAccount {

  /** What a console account may do. Stored by name. */
  public enum Role {
    ADMIN,
    AGENT,
    PARTNER
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "console_account_seq")
  @SequenceGenerator(
      name = "console_account_seq",
      sequenceName = "console_account_seq",
      allocationSize = 1)
  private Long id;

  @Column(nullable = false, unique = true, length = 100)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ConsoleAccount() {}

  public ConsoleAccount(String username, String password, Role role, Instant now) {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("a username is required");
    }
    if (password == null || password.length() < 8) {
      throw new IllegalArgumentException("a password needs at least 8 characters");
    }
    this.username = username.strip();
    this.passwordHash = PasswordHash.of(password);
    this.role = role;
    this.createdAt = now;
  }

  public boolean acceptsPassword(String password) {
    return password != null && PasswordHash.matches(password, passwordHash);
  }

  public String username() {
    return username;
  }

  public Role role() {
    return role;
  }
}
