/**
 * Everything ispchat sends, as rows: queued in the same transaction as the decision to send, then
 * dispatched in per-person order with pacing, retry and backoff, and moved forward by delivery
 * receipts. The message log reads from here.
 *
 * <p>Provider specifics stay behind {@link org.ispchat.chat.Channel}.
 */
package org.ispchat.outbox;
