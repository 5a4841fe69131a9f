package org.ispchat.chat;

import java.util.List;

/**
 * The port through which the core asks a bot what to say to one stored message. The customer dialog
 * answers everyone; a bot for a narrower group (the staff bot, say) claims its senders with {@link
 * #serves} and is asked first. The core knows no bot: it only picks one per chat and queues what it
 * returns.
 *
 * <p>Called inside the turn's transaction, with the chat's row lock held: an answerer may change
 * the chat's state freely, and must not send anything itself.
 */
public interface Answerer {

  /** Whether this answerer takes this chat. The customer dialog, the fallback, takes every chat. */
  boolean serves(Chat chat);

  /** True for the one answerer that takes whatever no other answerer claims. */
  default boolean fallback() {
    return false;
  }

  /** The replies to this message, in the order they are to be sent; may be empty. */
  List<Reply> answer(Chat chat, InboundMessage message);
}
