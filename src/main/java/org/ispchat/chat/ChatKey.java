package org.ispchat.chat;

import java.util.Objects;

/** A chat is one person on one channel: the unit of ordering and of conversation state. */
public record ChatKey(ChannelType channel, String sender) {

  public ChatKey {
    Objects.requireNonNull(channel, "channel");
    if (sender == null || sender.isBlank()) {
      throw new IllegalArgumentException("sender is required");
    }
  }

  @Override
  public String toString() {
    return channel.name().toLowerCase(java.util.Locale.ROOT) + ":" + sender;
  }
}
