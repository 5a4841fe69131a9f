package org.ispchat.autoreply;

/**
 * A message as a regular expression reads it, with a budget of character reads.
 *
 * <p>{@code java.util.regex} backtracks: a careless keyword such as {@code (a+)+$} can keep a
 * thread busy for minutes on one long message, and the chat waits with it. The matcher reads the
 * text only through {@link #charAt}, so counting those reads bounds its work without a timer or a
 * second thread: past the budget the read throws {@link TooSlow} and the keyword counts as not
 * matching. The default budget is a few tens of milliseconds of work, far more than any sensible
 * pattern needs on a 4096-character message, and the count gives the same answer on every machine.
 */
final class GuardedText implements CharSequence {

  /** Thrown from inside the regex engine when a pattern has read more than its budget. */
  static final class TooSlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooSlow() {
      super("regular expression exceeded its budget", null, false, false);
    }
  }

  private final String text;
  private final long budget;
  private long reads;

  GuardedText(String text, long budget) {
    this.text = text;
    this.budget = budget;
  }

  @Override
  public char charAt(int index) {
    if (++reads > budget) {
      throw new TooSlow();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  // Only used to hand out matched groups, which costs no backtracking.
  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
