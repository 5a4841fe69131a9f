package org.ispchat.splynx;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The one door every HTTP exchange with Splynx passes, so that one bulkhead and one circuit breaker
 * count them all (reads, changes, sign-ins): at most 20 at once per node, the next refused at once
 * with {@code BulkheadException}; after half of the last 10 failed as "unavailable", every call
 * fails at once for 30 s. A refused card, a refused plan change or a 404 is an answer, not a
 * failure. Retries sit in front of this door ({@link SplynxCalls#read}), so each attempt takes its
 * own place in the bulkhead.
 *
 * <p>Change them with the standard MicroProfile Fault Tolerance keys, e.g. {@code
 * org.ispchat.splynx.SplynxGate/Bulkhead/value=20} or {@code
 * org.ispchat.splynx.SplynxGate/CircuitBreaker/delay=60}.
 */
@ApplicationScoped
@Bulkhead(20)
@CircuitBreaker(
    requestVolumeThreshold = 10,
    failureRatio = 0.5,
    delay = 30,
    delayUnit = ChronoUnit.SECONDS,
    successThreshold = 1,
    failOn = {SplynxUnavailable.class},
    skipOn = {SplynxNotFound.class, SplynxRejected.class})
public class SplynxGate {

  public <T> T pass(Supplier<T> exchange) {
    return exchange.get();
  }
}
