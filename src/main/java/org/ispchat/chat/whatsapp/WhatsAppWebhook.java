package org.ispchat.chat.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.IncomingBatch;
import org.ispchat.chat.MessageIntake;

/** What the WhatsApp webhook does, behind its door: handshake, signature, parse, store. */
@ApplicationScoped
public class WhatsAppWebhook {

  private static final Logger LOG = Logger.getLogger(WhatsAppWebhook.class.getName());

  @Inject WhatsAppSettings settings;
  @Inject MessageIntake intake;
  @Inject Clock clock;

  private final AtomicLong rejectedSignatures = new AtomicLong();
  private WebhookSignature verifier;
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong skippedEntries = new AtomicLong();

  @jakarta.annotation.PostConstruct
  void readSecret() {
    verifier = settings.appSecret().map(WebhookSignature::new).orElse(null);
  }

  /** Meta's GET handshake: the mode is "subscribe" and the token is ours. */
  public boolean handshakeMatches(String mode, String token) {
    if (!"subscribe".equals(mode) || token == null || settings.verifyToken().isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8),
        settings.verifyToken().get().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Verifies and stores one delivery, as far as it can be used; returns once it is committed.
   * Entries that cannot be used are skipped, counted and named in one log line.
   *
   * @throws SignatureRejected the signature is missing or wrong: nothing was stored
   * @throws MalformedWebhook the body is not JSON or not a WhatsApp Business Account's: nothing was
   *     stored
   */
  public IncomingBatch receive(byte[] body, String signature) {
    if (verifier == null) {
      count(rejectedSignatures, "whatsapp.app-secret is not configured");
      throw new SignatureRejected("Signature cannot be checked: whatsapp.app-secret is not set.");
    }
    if (signature == null || signature.isBlank()) {
      count(rejectedSignatures, "X-Hub-Signature-256 is missing");
      throw new SignatureRejected("X-Hub-Signature-256 is missing.");
    }
    if (!verifier.matches(body, signature)) {
      count(rejectedSignatures, "X-Hub-Signature-256 does not match the body");
      throw new SignatureRejected("X-Hub-Signature-256 does not match the body.");
    }
    WhatsAppDelivery delivery;
    try {
      delivery = WhatsAppEvents.parse(body, clock.instant());
    } catch (MalformedWebhook e) {
      malformed.incrementAndGet();
      throw e;
    }
    intake.accept(delivery.batch());
    if (delivery.skipped() > 0) {
      // Counted after the commit, so that Meta's re-delivery after a 503 is not counted twice.
      long total = skippedEntries.addAndGet(delivery.skipped());
      LOG.log(
          Level.WARNING,
          "Stored a WhatsApp delivery of {0} message(s) and {1} receipt(s) without {2} unusable"
              + " entr(ies) ({3} skipped since start): {4}",
          new Object[] {
            delivery.batch().messages().size(),
            delivery.batch().receipts().size(),
            delivery.skipped(),
            total,
            String.join("; ", delivery.firstSkipped())
          });
    }
    return delivery.batch();
  }

  public long rejectedSignatures() {
    return rejectedSignatures.get();
  }

  public long malformed() {
    return malformed.get();
  }

  public long skippedEntries() {
    return skippedEntries.get();
  }

  private void count(AtomicLong counter, String why) {
    long n = counter.incrementAndGet();
    // Never the secret, never the body: only why, and how often so far.
    LOG.warning(() -> "Rejected a WhatsApp webhook: " + why + " (" + n + " rejected since start)");
  }
}
