package org.ispchat.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values read from the database and trusted for a short time: rows asked for on every request (API
 * keys, instances, notice wordings) that change rarely. A change made on this node is seen at once
 * when its writer calls {@link #forget}; one made on another node within the freshness. Concurrent
 * misses may load the same key twice; the later load wins, which is harmless here.
 */
public final class FreshFor<K, V> {

  private final Duration freshness;
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

  private record Entry<V>(V value, Instant until) {}

  public FreshFor(Duration freshness) {
    this.freshness = freshness;
  }

  /** The value kept for the key if still fresh at {@code now}, else a new load (kept). */
  public V get(K key, Instant now, Supplier<V> load) {
    Entry<V> hit = entries.get(key);
    if (hit != null && hit.until().isAfter(now)) {
      return hit.value();
    }
    V loaded = load.get();
    entries.put(key, new Entry<>(loaded, now.plus(freshness)));
    return loaded;
  }

  public void forget(K key) {
    entries.remove(key);
  }

  public void forget() {
    entries.clear();
  }
}
