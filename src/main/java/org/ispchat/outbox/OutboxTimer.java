package org.ispchat.outbox;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.ispchat.platform.Lifecycle;

/**
 * The outbox's clock: every second, look for messages whose retry time has come (or whose claim
 * expired on a node that died) and for receipts that can now be applied.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class OutboxTimer {

  @Inject Lifecycle lifecycle;
  @Inject Dispatcher dispatcher;
  @Inject ReceiptApplier receipts;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (!lifecycle.running()) {
      return;
    }
    dispatcher.wake();
    receipts.wake();
  }
}
