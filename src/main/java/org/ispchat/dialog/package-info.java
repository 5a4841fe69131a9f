/**
 * The customer conversation: which reply a message gets, in which language, and the turn-taking
 * that answers one stored message at a time per chat.
 *
 * <p>Dialog logic is plain Java that a unit test can drive; it never sees provider JSON and never
 * sends anything itself: replies go to the outbox in the same transaction as the chat state.
 */
package org.ispchat.dialog;
