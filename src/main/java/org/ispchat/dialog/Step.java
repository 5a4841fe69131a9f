package org.ispchat.dialog;

import java.util.List;
import java.util.Optional;
import org.ispchat.chat.Reply;

/**
 * One thing a customer can do with the bot (see their balance, change their plan, ...), as a CDI
 * bean. The chat's step names the one that reads the next message.
 */
public interface Step {

  /** The name stored in the chat while this step waits for the customer. */
  String name();

  /** What the customer sees on choosing this from the menu. */
  List<Reply> start(Turn turn);

  /**
   * The answer to a message while this step is current; empty when the step does not understand it
   * (the dialog then tries the auto-replies, then shows a hint and the menu).
   */
  default Optional<List<Reply>> answer(Turn turn) {
    return Optional.empty();
  }
}
