package org.ispchat.platform;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;

/**
 * Lets the Hibernate bundled in the WAR find the server's transaction manager on Payara and WildFly
 * alike.
 *
 * <p>Hibernate does not recognise Payara by itself, and the contract says a plain {@code java -jar
 * payara-micro.jar --deploy ispchat.war} must work without a JVM flag naming the platform, so the
 * WAR carries this small platform that tries each server's JNDI name in turn.
 */
public class ServerJtaPlatform extends AbstractJtaPlatform {

  private static final String[] TRANSACTION_MANAGER_NAMES = {
    "java:appserver/TransactionManager", // Payara / GlassFish
    "java:jboss/TransactionManager", // WildFly
    "java:/TransactionManager"
  };

  @Override
  protected TransactionManager locateTransactionManager() {
    JndiException last = null;
    for (String name : TRANSACTION_MANAGER_NAMES) {
      try {
        Object found = jndiService().locate(name);
        if (found instanceof TransactionManager tm) {
          return tm;
        }
      } catch (JndiException e) {
        last = e;
      }
    }
    throw new JndiException("No JTA TransactionManager under any known server JNDI name", last);
  }

  @Override
  protected UserTransaction locateUserTransaction() {
    return (UserTransaction) jndiService().locate("java:comp/UserTransaction");
  }
}
