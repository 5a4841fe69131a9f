/**
 * The customer conversation: which reply a message gets and in which language. {@link
 * org.ispchat.dialog.Dialog} is the customer bot behind the core's {@link
 * org.ispchat.chat.Answerer} port; the core takes the turns and queues what it answers.
 *
 * <p>May import {@code chat} and {@code platform}; the core never imports this package. Dialog
 * logic is plain Java that a unit test can drive; it never sees provider JSON and never sends
 * anything itself.
 */
package org.ispchat.dialog;
