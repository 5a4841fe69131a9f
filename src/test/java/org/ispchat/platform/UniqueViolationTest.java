package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

  @Test
  void recognisesUniqueViolationsOfEveryDatabaseDeepInTheCauseChain() {
    assertTrue(UniqueViolation.causes(wrapped(new SQLException("dup", "23505"))));
    assertTrue(UniqueViolation.causes(wrapped(new SQLException("Duplicate entry", "23000", 1062))));
  }

  @Test
  void otherFailuresAreNotMistakenForADuplicate() {
    assertFalse(UniqueViolation.causes(wrapped(new SQLException("fk", "23503"))));
    assertFalse(UniqueViolation.causes(wrapped(new SQLException("null", "23000", 1048))));
    assertFalse(UniqueViolation.causes(new IllegalStateException("boom")));
  }

  private static RuntimeException wrapped(SQLException cause) {
    return new PersistenceException("flush failed", new RuntimeException("batch", cause));
  }
}
