package org.ispchat.chat.whatsapp;

import java.util.List;
import org.ispchat.chat.IncomingBatch;

/**
 * One webhook body as far as it could be used: the messages and receipts to store, and how many
 * entries were skipped because they could not be used (no id, no sender, the wrong JSON type).
 *
 * @param firstSkipped the first few skipped entries, each with its id or its place in the body and
 *     why, never its content
 */
public record WhatsAppDelivery(IncomingBatch batch, int skipped, List<String> firstSkipped) {

  public WhatsAppDelivery {
    firstSkipped = List.copyOf(firstSkipped);
  }
}
