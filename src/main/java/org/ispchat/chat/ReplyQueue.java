package org.ispchat.chat;

import java.util.List;

/**
 * The port through which a turn hands its replies on to be sent, in the same transaction that marks
 * the message answered (the outbox implements it). The caller holds the chat's row lock: the chat
 * hands out the sequence numbers that keep a person's replies in order.
 */
public interface ReplyQueue {

  /**
   * @param inReplyTo provider id of the customer message being answered (null if none)
   */
  void enqueue(Chat chat, String businessNumber, String inReplyTo, List<Reply> replies);
}
