package org.ispchat.splynx;

/**
 * Data used this period and what is left of the cap or fair-use allowance; {@code remainingBytes}
 * is null when the plan is unlimited.
 */
public record Usage(long usedBytes, Long remainingBytes) {
  public boolean unlimited() {
    return remainingBytes == null;
  }
}
