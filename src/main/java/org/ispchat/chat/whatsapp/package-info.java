/**
 * WhatsApp Cloud API (Meta): the webhook (handshake, signature, event parsing), the Graph API
 * client and the mapping of replies to Meta's message JSON, with Meta's error codes classified.
 *
 * <p>Meta's names (wa_id, wamid, list_reply, phone_number_id) appear only in this package.
 */
package org.ispchat.chat.whatsapp;
