/**
 * Evolution API (an open-source WhatsApp gateway on Baileys, WhatsApp Web's protocol): the webhook
 * (token or JWT check, event parsing), the sender client and the session-state check.
 *
 * <p>Evolution's names (remoteJid, pushName, keyId, DELIVERY_ACK, apikey) appear only in this
 * package. Imports {@code chat} and {@code platform} only.
 */
package org.ispchat.chat.evolution;
