package org.ispchat.chat;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.ispchat.platform.Lifecycle;

/**
 * The timer that looks for waiting messages: on start-up (stored before a restart) and every two
 * seconds (retries that became due, chats another node left behind). Non-persistent: missed ticks
 * need no catching up, the next tick sees the same rows.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InboxSweep {

  @Inject Lifecycle lifecycle;
  @Inject InboxWorkers workers;

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (!lifecycle.running()) {
      return;
    }
    workers.sweep();
  }
}
