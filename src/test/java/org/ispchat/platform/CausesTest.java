package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class CausesTest {

  @Test
  void theRootCauseIsNamedWithItsMessage() {
    var e =
        new RuntimeException("outer", new IllegalStateException("inner", new ConnectException()));
    assertEquals("ConnectException", Causes.rootText(e));
    assertEquals("IllegalStateException: boom", Causes.rootText(new IllegalStateException("boom")));
  }

  @Test
  void aLockConflictIsFoundDeepInTheChain() {
    assertTrue(
        LockConflict.causes(
            new PersistenceException(
                "flush", new RuntimeException(new PessimisticLockException()))));
    assertFalse(LockConflict.causes(new PersistenceException("other")));
  }

  @Test
  void aCauseThatIsItsOwnCauseEndsTheWalk() {
    RuntimeException loop =
        new RuntimeException("loop") {
          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };
    assertFalse(Causes.any(loop, t -> t instanceof IllegalStateException));
    assertEquals("loop", Causes.rootText(loop).substring(Causes.rootText(loop).indexOf("loop")));
  }
}
