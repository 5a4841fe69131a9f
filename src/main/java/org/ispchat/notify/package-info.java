/**
 * The billing notification API: billing systems (Splynx, WISPMAN, custom software) send payment
 * reminders, invoices, overdue notices and payment confirmations to customers on WhatsApp through
 * the hosted gateway's contract, unchanged ({@code POST /api/v1/billing/send-notification}). The
 * instances admin API, API keys, idempotency, templates outside the 24-hour window, send windows,
 * opt-outs and status look-ups live here; sending is the outbox's.
 */
package org.ispchat.notify;
