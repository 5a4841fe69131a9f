package org.ispchat.chat;

/** What a customer sent, as far as the dialog cares. */
public enum InboundKind {
  /** Typed text. */
  TEXT,
  /** A tap on a list row or reply button we sent; {@code choiceId} holds the row or button id. */
  CHOICE,
  /** Image, audio, video, document, sticker, location, contacts: nothing the bot can read. */
  MEDIA,
  /** A message type the channel reported but ispchat does not know. */
  UNSUPPORTED
}
