package org.ispchat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Whether this deployment may do background work. Work starts only once the application has
 * finished deploying ({@link DeploymentListener}) and stops before anything it needs is taken away:
 * on undeploy or shutdown the state turns to stopping at once (timers and workers take no new
 * work), in-flight work gets a bounded time to finish, and only then may the data source go.
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

  @Inject Event<BackgroundStarted> started;

  /** True between the end of deployment and the start of undeployment. */
  public boolean running() {
    return state.get() == State.RUNNING;
  }

  /** True once undeployment or shutdown has begun: take no new work, finish what is running. */
  public boolean stopping() {
    State s = state.get();
    return s == State.STOPPING || s == State.STOPPED;
  }

  void start() {
    if (state.compareAndSet(State.DEPLOYING, State.RUNNING)) {
      LOG.info("Deployment complete: background work starts");
      started.fire(new BackgroundStarted());
    }
  }

  /** Returns true if this call moved the state to stopping (the caller then drains). */
  boolean beginStop() {
    State before = state.getAndUpdate(s -> s == State.STOPPED ? s : State.STOPPING);
    return before == State.DEPLOYING || before == State.RUNNING;
  }

  void stopped() {
    state.set(State.STOPPED);
  }
}
