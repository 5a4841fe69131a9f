package org.ispchat.bench;

import java.util.Arrays;

/**
 * The latencies of one phase, every sample kept (a phase has at most a few hundred thousand), so
 * percentiles are exact rather than read from buckets.
 */
final class Latencies {

  /** Milliseconds. */
  record Percentiles(int count, double p50, double p99, double p999, double max) {
    static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, 0);
  }

  private long[] nanos = new long[8192];
  private int size;

  synchronized void add(long sampleNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = sampleNanos;
  }

  synchronized void addAll(Latencies other) {
    long[] theirs;
    int count;
    synchronized (other) {
      theirs = other.nanos;
      count = other.size;
    }
    for (int i = 0; i < count; i++) {
      add(theirs[i]);
    }
  }

  synchronized int count() {
    return size;
  }

  /** A copy of every sample, in the order added. */
  synchronized long[] samples() {
    return Arrays.copyOf(nanos, size);
  }

  synchronized Percentiles percentiles() {
    if (size == 0) {
      return Percentiles.NONE;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    return new Percentiles(
        size, at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), sorted[size - 1] / 1e6);
  }

  /**
   * The nearest-rank percentile: the smallest sample with at least {@code p} of them at or below.
   */
  private static double at(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
