package org.ispchat.outbox;

import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Reply;

/** A message a dispatcher has reserved and is about to send: everything the send needs. */
record Claim(
    long id,
    ChannelType channel,
    String businessNumber,
    String recipient,
    Reply reply,
    int attempt) {

  String correlation() {
    return OutboundMessage.correlationOf(id);
  }
}
