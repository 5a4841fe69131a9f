package org.ispchat.outbox;

/** Fired when messages were queued; observed after the commit to start sending at once. */
public record OutboxFilled(int count) {}
