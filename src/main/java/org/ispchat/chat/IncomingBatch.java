package org.ispchat.chat;

import java.util.List;

/** Everything one webhook delivery carried: customer messages and delivery receipts. */
public record IncomingBatch(List<IncomingMessage> messages, List<IncomingReceipt> receipts) {

  public IncomingBatch {
    messages = List.copyOf(messages);
    receipts = List.copyOf(receipts);
  }

  public boolean isEmpty() {
    return messages.isEmpty() && receipts.isEmpty();
  }

  public int size() {
    return messages.size() + receipts.size();
  }
}
