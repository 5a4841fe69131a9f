package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void verifiesTheRightPasswordOnly() {
    String stored = PasswordHash.of("correct horse");
    assertTrue(stored.startsWith("pbkdf2-sha256$210000$"));
    assertTrue(PasswordHash.matches("correct horse", stored));
    assertFalse(PasswordHash.matches("correct horse ", stored));
    assertNotEquals(stored, PasswordHash.of("correct horse"), "each hash has its own salt");
  }
}
