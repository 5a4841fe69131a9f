package org.ispchat.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells the {@link Lifecycle} when the deployment is complete and when it is going away. The web
 * application's context is the last thing a server starts and the first thing it stops, on Payara
 * and WildFly alike: schema migration and every other start-up bean are done before it starts, and
 * the data source, the persistence unit and the EJB timers are all still there when it stops.
 */
@WebListener
public class DeploymentListener implements ServletContextListener {

  @Inject Lifecycle lifecycle;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    lifecycle.start();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    lifecycle.stop();
  }
}
