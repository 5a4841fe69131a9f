package org.ispchat.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps people's words no longer than {@code ispchat.retention.*} allows: every interval, the areas
 * that store messages ({@link Purge}) forget old texts and delete old rows, a small batch per
 * transaction, taking turns until nothing is left or the pass's time is up.
 *
 * <p>A programmatic timer rather than {@code @Schedule}, whose period cannot come from
 * configuration; non-persistent, since a missed pass needs no catching up (the next finds the same
 * rows). Each node runs its own passes; two at once take different rows.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class.getName());

  @Inject RetentionSettings settings;
  @Inject Lifecycle lifecycle;
  @Inject Clock clock;
  @Inject @Any Instance<Purge> purges;
  @Resource TimerService timers;

  @PostConstruct
  void schedule() {
    if (!settings.enabled()) {
      LOG.info(
          "Retention is off (ispchat.retention.enabled=false): nothing is forgotten or deleted");
      return;
    }
    // The first pass soon after start, so a node restarted more often than the interval still
    // purges.
    Duration first =
        settings.interval().compareTo(Duration.ofMinutes(1)) < 0
            ? settings.interval()
            : Duration.ofMinutes(1);
    timers.createIntervalTimer(
        first.toMillis(), settings.interval().toMillis(), new TimerConfig(null, false));
    LOG.log(
        Level.INFO,
        "Retention: message texts are forgotten after {0}, messages deleted after {1}; checked"
            + " every {2}",
        new Object[] {
          RetentionSettings.readable(settings.messageText()),
          RetentionSettings.readable(settings.messages()),
          RetentionSettings.readable(settings.interval())
        });
  }

  @Timeout
  void tick() {
    if (!lifecycle.running()) {
      return;
    }
    purge(clock.instant());
  }

  /**
   * One pass as if it were {@code now}: each area does a batch in turn, until a whole round finds
   * nothing (the outbox's chats can go once the chat's messages have gone, later in the same pass),
   * the pass's time budget is spent, or the deployment begins to stop. An area whose batch fails is
   * left for the next pass; the others go on.
   *
   * <p>Public so that a test can run a pass without the timer, as of a later instant.
   */
  public Purged purge(Instant now) {
    List<Purge> areas = new ArrayList<>();
    purges.forEach(areas::add);
    return pass(now, areas);
  }

  Purged pass(Instant now, List<Purge> areas) {
    Instant textsBefore = settings.textsBefore(now);
    Instant rowsBefore = settings.rowsBefore(now);
    long started = System.nanoTime();
    long deadline = started + settings.passBudget().toNanos();
    Purged total = Purged.NOTHING;
    boolean more = true;
    boolean cut = false;
    List<Purge> left = new ArrayList<>(areas);
    while (more && !left.isEmpty()) {
      more = false;
      for (Iterator<Purge> it = left.iterator(); it.hasNext(); ) {
        if (lifecycle.stopping() || System.nanoTime() > deadline) {
          cut = true;
          more = false;
          break;
        }
        Purge area = it.next();
        try {
          Purged batch = area.nextBatch(textsBefore, rowsBefore, settings.batchSize());
          total = total.plus(batch);
          more |= !batch.nothing();
        } catch (RuntimeException e) {
          it.remove();
          LOG.log(Level.WARNING, e, () -> "A retention batch failed; the next pass tries again");
        }
      }
    }
    if (!total.nothing() || cut) {
      LOG.log(
          Level.INFO,
          "Retention: {0} message text(s) forgotten (before {2}), {1} row(s) deleted (before {3})"
              + " in {4} ms{5}",
          new Object[] {
            total.texts(),
            total.rows(),
            textsBefore,
            rowsBefore,
            (System.nanoTime() - started) / 1_000_000,
            cut ? "; the rest waits for the next pass" : ""
          });
    }
    return total;
  }
}
