package org.ispchat.chat;

/**
 * A template as its account knows it: the review status (APPROVED, PENDING, REJECTED, PAUSED,
 * DISABLED, ...) and its body, from which the caller counts the parameters it takes.
 */
public record TemplateState(String name, String language, String status, String body) {}
