/**
 * The composition root: the two JAX-RS applications that list every door, and the start-up report.
 * Nothing imports this package; it may import every other.
 *
 * <p>Who may import whom (kept true by {@code ArchitectureTest}): {@code platform} imports no other
 * ispchat package; the core, {@code chat} (with its provider sub-packages) and {@code outbox},
 * imports only the core and {@code platform}, and {@code outbox} may use {@code chat} but not the
 * reverse; features ({@code dialog}, and later {@code autoreply}, {@code splynx}, {@code notify},
 * {@code reminder}, {@code operator}, {@code console}) import the core and {@code platform}, and
 * plug into the core through its ports ({@code chat.Answerer}, {@code chat.ReplyQueue}, {@code
 * chat.Channel}) and CDI events.
 */
package org.ispchat;
