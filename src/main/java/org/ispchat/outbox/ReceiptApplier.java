package org.ispchat.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.ispchat.chat.IntakeCommitted;
import org.ispchat.platform.BackgroundStarted;
import org.ispchat.platform.CoalescingTask;
import org.ispchat.platform.Lifecycle;
import org.ispchat.platform.Workers;

/**
 * Moves outbound messages forward with the delivery receipts the intake stored: right after they
 * are committed, and every few seconds for receipts that arrived before we had recorded the send.
 */
@ApplicationScoped
public class ReceiptApplier {

  private static final int PAGE = 200;

  @Inject OutboxStore store;
  @Inject OutboxSettings settings;
  @Inject Workers workers;
  @Inject Lifecycle lifecycle;

  private CoalescingTask pass;

  @PostConstruct
  void start() {
    // Receipts belong to the nodes that send; an intake-only node (senders=0) spends nothing here.
    if (settings.senders() > 0) {
      pass = new CoalescingTask("receipts", workers.pool("receipts", 1), this::applyAll);
    }
  }

  void onStart(@Observes BackgroundStarted started) {
    wake();
  }

  void onIntake(@Observes IntakeCommitted committed) {
    if (committed.receipts()) {
      wake();
    }
  }

  public void wake() {
    if (pass != null && lifecycle.running()) {
      pass.request();
    }
  }

  private void applyAll() {
    while (lifecycle.running() && store.applyDueReceipts(PAGE) == PAGE) {
      // a full page: there may be more due right now
    }
  }
}
