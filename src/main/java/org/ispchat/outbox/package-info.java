/**
 * Everything ispchat sends, as rows: queued in the same transaction as the decision to send (it
 * implements the core's {@link org.ispchat.chat.ReplyQueue}), then dispatched in per-person order
 * with pacing, retry and backoff, and moved forward by delivery receipts. The message log reads
 * from here.
 *
 * <p>Part of the core: imports {@code chat} and {@code platform}, never a feature. Provider
 * specifics stay behind {@link org.ispchat.chat.Channel}.
 */
package org.ispchat.outbox;
