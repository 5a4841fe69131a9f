package org.ispchat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Whether this deployment may do background work. Work starts only once the application has
 * finished deploying ({@link DeploymentListener}) and stops before anything it needs is taken away:
 * on undeploy or shutdown the state turns to stopping at once (timers and workers take no new
 * work), in-flight work gets a bounded time to finish ({@code ispchat.shutdown.drain-timeout}), the
 * thread pools end, the embedded database is closed, and only then may the server remove the data
 * source.
 *
 * <p>Every timer tick and every loop that claims work asks {@link #running()} first; a deployment
 * that is being replaced therefore never starts a turn or a send it could not finish.
 */
@ApplicationScoped
public class Lifecycle {

  private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

  enum State {
    DEPLOYING,
    RUNNING,
    STOPPING,
    STOPPED
  }

  private final AtomicReference<State> state = new AtomicReference<>(State.DEPLOYING);
  // Read at start: while the server shuts down, its configuration service may already be gone.
  private volatile Duration drainTimeout = Duration.ofSeconds(10);

  @Inject Event<BackgroundStarted> started;
  @Inject Workers workers;
  @Inject Config config;

  /** True between the end of deployment and the start of undeployment. */
  public boolean running() {
    return state.get() == State.RUNNING;
  }

  /** True once undeployment or shutdown has begun: take no new work, finish what is running. */
  public boolean stopping() {
    State s = state.get();
    return s == State.STOPPING || s == State.STOPPED;
  }

  /** True once the drain is over: nothing may touch the database any more. */
  public boolean stopped() {
    return state.get() == State.STOPPED;
  }

  void start() {
    drainTimeout =
        config
            .getOptionalValue("ispchat.shutdown.drain-timeout", String.class)
            .map(Duration::parse)
            .orElse(Duration.ofSeconds(10));
    if (state.compareAndSet(State.DEPLOYING, State.RUNNING)) {
      LOG.info("Deployment complete: background work starts");
      started.fire(new BackgroundStarted());
    }
  }

  /** Turns the state to stopping; true if this call did (and the caller must drain). */
  boolean beginStop() {
    State before = state.getAndUpdate(s -> s == State.STOPPED ? s : State.STOPPING);
    return before == State.DEPLOYING || before == State.RUNNING;
  }

  void stop() {
    if (!beginStop()) {
      return;
    }
    Duration drain = drainTimeout;
    LOG.log(
        Level.INFO,
        "Undeploying: no new background work; waiting up to {0} s for the work under way",
        drain.toMillis() / 1000.0);
    long t0 = System.nanoTime();
    List<String> stuck = List.of();
    try {
      stuck = workers.drain(drain);
    } finally {
      state.set(State.STOPPED);
      ConfiguredDataSource.closeForUndeploy();
      QuietDuplicates.remove();
    }
    LOG.log(
        Level.INFO,
        "Background work stopped in {0} ms{1}; database connections closed",
        new Object[] {
          (System.nanoTime() - t0) / 1_000_000,
          stuck.isEmpty() ? "" : " (left running: " + stuck + ")"
        });
  }
}
