package org.ispchat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one source of time; tests of plain classes pass their own {@link Clock}. */
@ApplicationScoped
public class Clocks {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
