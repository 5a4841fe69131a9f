package org.ispchat.platform;

import java.util.function.Predicate;

/**
 * Walks an exception's cause chain: the one place that does, for the checks that look for a
 * specific database failure somewhere inside a wrapped exception, and for the short root-cause text
 * kept with a failed message.
 */
public final class Causes {

  private Causes() {}

  /** True if the exception or any of its causes matches. */
  public static boolean any(Throwable e, Predicate<Throwable> test) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 50; t = t.getCause(), depth++) {
      if (test.test(t)) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }

  /** The innermost cause as {@code SimpleName: message}, for logs and error columns. */
  public static String rootText(Throwable e) {
    Throwable root = e;
    int depth = 0;
    while (root.getCause() != null && root.getCause() != root && depth++ < 50) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
