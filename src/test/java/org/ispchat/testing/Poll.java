package org.ispchat.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline; never a fixed sleep. */
public final class Poll {

  private Poll() {}

  public static <T> T until(
      Supplier<T> value, java.util.function.Predicate<T> done, Duration within, String what) {
    long deadline = System.nanoTime() + within.toNanos();
    T last = value.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Timed out after "
                + within.toSeconds()
                + " s waiting for "
                + what
                + "; last seen: "
                + last);
      }
      sleep(50);
      last = value.get();
    }
    return last;
  }

  public static void until(BooleanSupplier done, Duration within, String what) {
    until(done::getAsBoolean, b -> b, within, what);
  }

  /**
   * Asserts that something stays true for a while (that a retry does not happen, say): watches it
   * for the whole period rather than sleeping and looking once.
   */
  public static void holds(BooleanSupplier condition, Duration during, String what) {
    long deadline = System.nanoTime() + during.toNanos();
    while (System.nanoTime() < deadline) {
      if (!condition.getAsBoolean()) {
        throw new AssertionError("No longer true: " + what);
      }
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
