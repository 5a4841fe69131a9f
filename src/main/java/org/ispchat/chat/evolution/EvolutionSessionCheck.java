package org.ispchat.chat.evolution;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ispchat.platform.Lifecycle;

/**
 * Every minute, asks Evolution for the state of each instance's session. Non-persistent: a missed
 * tick needs no catching up. A tick that finds the previous one still waiting on a slow server
 * passes, rather than queueing behind it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EvolutionSessionCheck {

  @Inject EvolutionSessions sessions;
  @Inject Lifecycle lifecycle;

  private final AtomicBoolean busy = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (!lifecycle.running() || !busy.compareAndSet(false, true)) {
      return;
    }
    try {
      sessions.refreshAll();
    } finally {
      busy.set(false);
    }
  }
}
