package org.ispchat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/** The operator's way in on a fresh install: one admin account, created when there is none. */
@ApplicationScoped
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Config config;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void createIfNone() {
    long accounts =
        em.createQuery("select count(a) from ConsoleAccount a", Long.class).getSingleResult();
    if (accounts > 0) {
      return;
    }
    String user = config.getOptionalValue("ispchat.admin.user", String.class).orElse("admin");
    Optional<String> configured = config.getOptionalValue("ispchat.admin.password", String.class);
    String password = configured.orElseGet(PasswordHash::randomPassword);
    em.persist(new ConsoleAccount(user, password, ConsoleAccount.Role.ADMIN, clock.instant()));
    em.flush();
    if (configured.isPresent()) {
      LOG.log(Level.INFO, "Created console admin ''{0}'' with the configured password", user);
    } else {
      // Printed once, on the first start only: the operator's way in. Change it in the console.
      LOG.log(
          Level.WARNING,
          "Created console admin ''{0}'' with generated password: {1}  (shown only now; set"
              + " ispchat.admin.password to choose your own)",
          new Object[] {user, password});
    }
  }
}
