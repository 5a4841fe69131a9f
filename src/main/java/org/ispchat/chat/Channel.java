package org.ispchat.chat;

/**
 * The port through which replies leave ispchat. One implementation per messaging network; each maps
 * a neutral {@link Reply} to its wire format and the provider's answer to a {@link SendResult}.
 */
public interface Channel {

  ChannelType type();

  /**
   * Sends one reply and reports what the provider said. Never throws for provider or network
   * failures: those are {@link SendResult}s, so the outbox can decide between retry and give-up.
   *
   * @param businessNumber the sending number (WhatsApp phone number id, instance name, ...)
   * @param recipient the person's id on this channel
   * @param correlation our own id for the message, echoed back by providers that support it
   */
  SendResult send(String businessNumber, String recipient, Reply reply, String correlation);
}
