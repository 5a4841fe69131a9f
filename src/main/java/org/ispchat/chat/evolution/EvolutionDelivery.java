package org.ispchat.chat.evolution;

import java.util.List;
import java.util.Optional;
import org.ispchat.chat.IncomingBatch;
import org.ispchat.chat.MessagingInstance;

/**
 * One Evolution webhook body as far as it could be used.
 *
 * @param event Evolution's event name, dotted lower case ({@code messages.upsert})
 * @param instance the Evolution instance it came from: the {@code MessagingInstance}'s number
 * @param batch the customer messages and delivery receipts it carried
 * @param connection the session state a {@code connection.update} reported
 * @param firstSkipped the first few entries that could not be used, each with its id or place and
 *     why, never its content
 */
public record EvolutionDelivery(
    String event,
    String instance,
    IncomingBatch batch,
    Optional<MessagingInstance.Connection> connection,
    int skipped,
    List<String> firstSkipped) {

  public EvolutionDelivery {
    firstSkipped = List.copyOf(firstSkipped);
  }
}
