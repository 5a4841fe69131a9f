package org.ispchat.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A billing system's credential. Only a hash of the key is kept: the full text exists once, in the
 * answer that created it. {@link #lookup} is the key's public middle part, which finds the row
 * without comparing secrets in the database.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
  @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 1)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 32)
  private String lookup;

  /** SHA-256 of the whole key, hex. */
  @Column(name = "key_hash", nullable = false, length = 64)
  private String keyHash;

  @Column(nullable = false, length = 100)
  private String permissions;

  /** Comma-separated instance ids; null: every instance. */
  @Column(name = "instance_ids", length = 2000)
  private String instanceIds;

  @Column(name = "created_by", length = 200)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version private long version;

  protected ApiKey() {}

  ApiKey(
      String name,
      String lookup,
      String keyHash,
      Set<Permission> permissions,
      Collection<String> instanceIds,
      String createdBy,
      Instant now) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name is required (at most 200 characters)");
    }
    if (permissions.isEmpty()) {
      throw new IllegalArgumentException(
          "permissions must name at least one of send_message, receive_message");
    }
    this.name = name.strip();
    this.lookup = lookup;
    this.keyHash = keyHash;
    this.permissions =
        permissions.stream().sorted().map(Permission::wire).collect(Collectors.joining(","));
    this.instanceIds =
        instanceIds == null || instanceIds.isEmpty()
            ? null
            : String.join(",", new LinkedHashSet<>(instanceIds));
    if (this.instanceIds != null && this.instanceIds.length() > 2000) {
      throw new IllegalArgumentException("instance_ids is too long");
    }
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /** Stops the key working; a second revocation keeps the first time. */
  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String lookup() {
    return lookup;
  }

  String keyHash() {
    return keyHash;
  }

  public Set<Permission> permissions() {
    Set<Permission> set = EnumSet.noneOf(Permission.class);
    Arrays.stream(permissions.split(","))
        .map(Permission::fromWire)
        .forEach(p -> p.ifPresent(set::add));
    return set;
  }

  /** Empty: every instance. */
  public Set<String> instanceIds() {
    return instanceIds == null
        ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(instanceIds.split(",")));
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
