package org.ispchat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the application runs; carries the sign-in lock counters, so monitoring scraping {@code
 * /health/live} sees someone guessing passwords.
 */
@Liveness
@ApplicationScoped
public class SignInLiveness implements HealthCheck {

  @Inject SignIn signIn;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("console-sign-in")
        .up()
        .withData("locks", signIn.locks())
        .withData("refused_while_locked", signIn.refusedWhileLocked())
        .build();
  }
}
