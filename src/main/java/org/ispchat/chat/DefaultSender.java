package org.ispchat.chat;

import java.util.Optional;

/**
 * What the configuration says about the {@code default} instance's number, given by the channel
 * that owns it (the Cloud API's settings): its number id and the account its templates live in.
 * Empty number: there is no {@code default} instance.
 */
public record DefaultSender(Optional<String> businessNumber, Optional<String> templateAccount) {}
