package org.ispchat.it;

import java.io.File;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.ispchat.testing.RetentionPassServlet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every integration test class shares: the real {@code target/ispchat.war},
 * exactly as operators deploy it, started once per run (a Payara Micro start costs ~13 s). One
 * test-only class is added: {@link RetentionPassServlet}, which runs a retention pass as of a later
 * instant (retention is measured in days).
 */
@ArquillianSuiteDeployment
public class Deployments {

  @Deployment(testable = false)
  public static WebArchive ispchat() {
    File war = new File(System.getProperty("project.build.directory", "target"), "ispchat.war");
    return ShrinkWrap.create(ZipImporter.class, "ispchat.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClass(RetentionPassServlet.class);
  }
}
