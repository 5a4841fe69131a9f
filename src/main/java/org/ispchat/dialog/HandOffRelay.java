package org.ispchat.dialog;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.platform.Lifecycle;

/**
 * Looks at the tickets of chats handed to a person: each every {@link #INTERVAL}, and one a Splynx
 * hook reported activity on at the next tick. Each hand-off is checked under its chat's row lock,
 * so two nodes never pass an agent's reply on twice.
 */
@Singleton
public class HandOffRelay {

  private static final Logger LOG = Logger.getLogger(HandOffRelay.class.getName());

  /** Polling interval per hand-off: Splynx has no push for ticket replies without hooks. */
  static final Duration INTERVAL = Duration.ofSeconds(10);

  @Inject HandOffs handOffs;
  @Inject Lifecycle lifecycle;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  void tick() {
    if (!lifecycle.running()) {
      return;
    }
    check(handOffs.due(INTERVAL, 50));
  }

  private void check(List<Long> ids) {
    for (Long id : ids) {
      if (!lifecycle.running()) {
        return;
      }
      try {
        handOffs.check(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, e, () -> "Checking hand-off " + id + " failed; tried again later");
      }
    }
  }
}
