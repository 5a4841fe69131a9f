package org.ispchat.notify;

import java.util.Set;

/** What a presented, valid API key allows. */
public record KeyGrant(long keyId, String name, Set<Permission> permissions, Set<String> scope) {

  public KeyGrant {
    permissions = Set.copyOf(permissions);
    scope = Set.copyOf(scope);
  }

  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }

  /** Whether the key is for this instance (an empty scope: every instance). */
  public boolean covers(String instanceId) {
    // Immutable sets throw on contains(null); a missing id is simply not in a scope.
    return scope.isEmpty() || (instanceId != null && scope.contains(instanceId));
  }
}
