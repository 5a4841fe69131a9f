package org.ispchat.chat.evolution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Clip;
import org.ispchat.chat.IntakeUnavailable;
import org.ispchat.chat.MessageIntake;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.MessagingInstances;

/**
 * What the Evolution webhook does, behind its door: read the envelope, find the instance it names,
 * check that instance's secret, then store the messages and receipts (returning once committed) or
 * record the session state.
 */
@ApplicationScoped
public class EvolutionWebhook {

  private static final Logger LOG = Logger.getLogger(EvolutionWebhook.class.getName());

  @Inject MessagingInstances instances;
  @Inject MessageIntake intake;
  @Inject Clock clock;

  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong skippedEntries = new AtomicLong();

  /**
   * @throws UnreadableEvent the body is not an Evolution envelope: nothing was stored
   * @throws WebhookRefused unknown instance, or no valid token: nothing was stored
   * @throws IntakeUnavailable the store could not confirm the commit: the sender should retry
   */
  public EvolutionDelivery receive(byte[] body, String authorization, String token) {
    EvolutionDelivery delivery = EvolutionEvents.parse(body, clock.instant());
    Optional<MessagingInstance> instance =
        instances.byNumber(ChannelType.EVOLUTION, delivery.instance());
    if (instance.isEmpty()) {
      throw refuse(delivery.instance(), "no Evolution instance of that name is configured");
    }
    String why =
        WebhookToken.refusal(instance.get().webhookSecret(), authorization, token, clock.instant());
    if (why != null) {
      throw refuse(delivery.instance(), why);
    }
    intake.accept(delivery.batch());
    if (delivery.connection().isPresent()) {
      record(instance.get(), delivery.connection().get());
    }
    if (delivery.skipped() > 0) {
      long total = skippedEntries.addAndGet(delivery.skipped());
      LOG.log(
          Level.WARNING,
          "Evolution instance {0}: {1} left {2} unusable entr(ies) ({3} skipped since start): {4}",
          new Object[] {
            delivery.instance(),
            delivery.event(),
            delivery.skipped(),
            total,
            String.join("; ", delivery.firstSkipped())
          });
    }
    return delivery;
  }

  private void record(MessagingInstance instance, MessagingInstance.Connection state) {
    try {
      instances
          .connectionIs(ChannelType.EVOLUTION, instance.businessNumber(), state)
          .ifPresent(
              i ->
                  LOG.log(
                      Level.INFO,
                      "Evolution instance {0} ({1}) is now {2}",
                      new Object[] {i.businessNumber(), i.instanceId(), state.wire()}));
    } catch (RuntimeException e) {
      // Not recorded: ask Evolution to deliver again rather than lose a "close".
      throw new IntakeUnavailable("the session state could not be recorded", e);
    }
  }

  public long refused() {
    return refused.get();
  }

  private WebhookRefused refuse(String instance, String why) {
    long n = refused.incrementAndGet();
    // The instance name comes from the body: no line breaks of its own into our log.
    String name = Clip.cut(instance.replaceAll("\\p{Cntrl}", "?"), 64);
    LOG.log(
        Level.WARNING,
        "Refused an Evolution webhook for instance {0}: {1} ({2} refused since start)",
        new Object[] {name, why, n});
    return new WebhookRefused("Refused: " + why + ".");
  }
}
