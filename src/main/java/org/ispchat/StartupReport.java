package org.ispchat;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.ispchat.chat.whatsapp.WhatsAppSettings;
import org.ispchat.splynx.SplynxSettings;

/**
 * Tells the operator, once at start-up, where to point Meta, which billing system answers, and what
 * is still missing. Names which settings are absent, never their values.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class StartupReport {

  private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

  @Inject Config config;
  @Inject WhatsAppSettings whatsApp;
  @Inject SplynxSettings splynx;

  @PostConstruct
  void report() {
    String base =
        config.getOptionalValue("ispchat.public-url", String.class).orElse("http://localhost:8080");
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String webhook = base + "/webhooks/whatsapp";
    String gaps = String.join(", ", whatsApp.missing());
    LOG.info(
        () ->
            "ispchat is up. WhatsApp webhook (Meta callback URL): "
                + webhook
                + (gaps.isEmpty()
                    ? ""
                    : "  — not yet set: " + gaps + " (see docs/whatsapp-setup.md)"));
    String splynxGaps = String.join(", ", splynx.missing());
    LOG.info(
        () ->
            splynx.sandbox()
                ? "Billing: the Splynx sandbox (demo customers; set splynx.url for your Splynx)"
                : "Billing: Splynx at "
                    + splynx.apiUrl().orElseThrow()
                    + ", auth "
                    + splynx.auth().name().toLowerCase(java.util.Locale.ROOT)
                    + (splynxGaps.isEmpty()
                        ? ""
                        : "  — not yet set: " + splynxGaps + " (see docs/splynx-setup.md)"));
  }
}
