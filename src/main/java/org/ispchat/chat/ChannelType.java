package org.ispchat.chat;

/** The messaging networks ispchat talks on. Stored by name: never rename a constant. */
public enum ChannelType {
  WHATSAPP,
  EVOLUTION,
  VIBER
}
