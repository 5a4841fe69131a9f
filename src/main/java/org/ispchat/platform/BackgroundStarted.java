package org.ispchat.platform;

/**
 * Fired once, when the deployment is complete and background work may begin: workers look for
 * waiting messages, the outbox for waiting replies.
 */
public record BackgroundStarted() {}
