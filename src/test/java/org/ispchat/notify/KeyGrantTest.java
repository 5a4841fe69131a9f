package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyGrantTest {

  @Test
  void aKeyWithoutInstancesCoversEveryInstance() {
    KeyGrant grant = new KeyGrant(1, "billing", Set.of(Permission.SEND_MESSAGE), Set.of());
    assertTrue(grant.covers("default"));
    assertTrue(grant.covers("branch-2"));
  }

  @Test
  void aKeyForSomeInstancesCoversOnlyThose() {
    KeyGrant grant =
        new KeyGrant(1, "billing", Set.of(Permission.SEND_MESSAGE), Set.of("branch-1", "branch-2"));
    assertTrue(grant.covers("branch-1"));
    assertTrue(grant.covers("branch-2"));
    assertFalse(grant.covers("default"));
    assertFalse(grant.covers("Branch-1"), "instance ids are compared exactly");
    assertFalse(grant.covers(null));
  }

  @Test
  void aKeyMayOnlyWhatItWasGiven() {
    KeyGrant receiveOnly = new KeyGrant(1, "reader", Set.of(Permission.RECEIVE_MESSAGE), Set.of());
    assertFalse(receiveOnly.may(Permission.SEND_MESSAGE));
    assertTrue(receiveOnly.may(Permission.RECEIVE_MESSAGE));
    KeyGrant both =
        new KeyGrant(
            2, "billing", Set.of(Permission.SEND_MESSAGE, Permission.RECEIVE_MESSAGE), Set.of());
    assertTrue(both.may(Permission.SEND_MESSAGE));
    assertTrue(both.may(Permission.RECEIVE_MESSAGE));
  }

  @Test
  void aGrantCannotBeWidenedAfterTheCheck() {
    Set<String> scope = new HashSet<>(Set.of("branch-1"));
    KeyGrant grant = new KeyGrant(1, "billing", Set.of(Permission.SEND_MESSAGE), scope);
    scope.add("branch-2");
    assertFalse(grant.covers("branch-2"));
    assertThrows(UnsupportedOperationException.class, () -> grant.scope().add("branch-3"));
  }
}
