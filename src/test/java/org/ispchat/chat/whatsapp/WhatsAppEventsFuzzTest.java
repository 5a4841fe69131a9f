package org.ispchat.chat.whatsapp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ispchat.chat.IncomingBatch;
import org.ispchat.chat.IncomingMessage;
import org.ispchat.testing.MetaPayloadMutator;
import org.ispchat.testing.MetaPayloadMutator.Case;
import org.ispchat.testing.MetaPayloadMutator.Intact;
import org.junit.jupiter.api.Test;

/**
 * The mapping alone under the webhook fuzzer's mutations, many more of them than the integration
 * test sends over HTTP ({@code WebhookFuzzIT}): refused only as not JSON or not a business account
 * object, never an exception of another kind, and every intact message read.
 */
class WhatsAppEventsFuzzTest {

  @Test
  void threeThousandMutatedDeliveriesAreReadAsFarAsTheyAreUsable() {
    long seed = Long.getLong("fuzz.seed", 20261129L);
    List<String> customers = IntStream.range(0, 8).mapToObj(i -> "21870000" + i).toList();
    MetaPayloadMutator mutator = new MetaPayloadMutator(seed, "U", "106540352240666", customers);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Case c = mutator.next();
      try {
        IncomingBatch batch =
            WhatsAppEvents.parse(c.body().getBytes(StandardCharsets.UTF_8), Instant.now()).batch();
        Set<String> read =
            batch.messages().stream()
                .map(IncomingMessage::providerMessageId)
                .collect(Collectors.toSet());
        if (c.expectedStatus() != 200) {
          failures.add("#" + c.index() + " " + c.mutations() + ": read, expected refused");
        }
        for (Intact m : c.intact()) {
          if (!read.contains(m.wamid())) {
            failures.add("#" + c.index() + " " + c.mutations() + ": " + m.wamid() + " not read");
          }
        }
      } catch (MalformedWebhook e) {
        if (c.expectedStatus() != 400) {
          failures.add("#" + c.index() + " " + c.mutations() + ": refused, " + e.getMessage());
        }
      } catch (RuntimeException e) {
        failures.add("#" + c.index() + " " + c.mutations() + ": " + e);
      }
    }
    assertTrue(
        failures.isEmpty(),
        "seed " + seed + ", " + failures.size() + " failures:\n" + String.join("\n", failures));
  }
}
