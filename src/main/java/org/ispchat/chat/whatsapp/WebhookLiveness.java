package org.ispchat.chat.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the application runs; carries the webhook refusal counters so that monitoring scraping
 * {@code /health/live} sees a wrong app secret (steadily rising signature rejections) early, and
 * entries skipped inside otherwise stored deliveries (a change in Meta's payloads).
 */
@Liveness
@ApplicationScoped
public class WebhookLiveness implements HealthCheck {

  @Inject WhatsAppWebhook webhook;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("whatsapp-webhook")
        .up()
        .withData("rejected_signatures", webhook.rejectedSignatures())
        .withData("malformed_bodies", webhook.malformed())
        .withData("skipped_entries", webhook.skippedEntries())
        .build();
  }
}
