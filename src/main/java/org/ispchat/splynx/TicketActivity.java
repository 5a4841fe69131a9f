package org.ispchat.splynx;

/** Something happened in a support ticket (a Splynx hook said so): worth a look now. */
public record TicketActivity(String ticketId) {}
