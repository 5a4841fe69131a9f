package org.ispchat.splynx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the billing system the bot talks to, once: the ISP's Splynx when {@code splynx.url} is
 * set, otherwise the sandbox with its demo customers, so a fresh install answers end to end.
 */
@Dependent
public class BillingSystem {

  private static final Logger LOG = Logger.getLogger(BillingSystem.class.getName());

  @Produces
  @ApplicationScoped
  SplynxAccounts accounts(
      SplynxSettings settings, Instance<LiveAccounts> live, Instance<SandboxAccounts> sandbox) {
    if (settings.sandbox()) {
      LOG.info(
          "splynx.url is not set: the customer bot answers from the sandbox's demo customers"
              + " (see README, \"Try it without Splynx\")");
      return sandbox.get();
    }
    if (!settings.missing().isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Splynx at {0} is missing {1}: calls will fail until they are set",
          new Object[] {settings.apiUrl().orElseThrow(), settings.missing()});
    }
    return live.get();
  }
}
