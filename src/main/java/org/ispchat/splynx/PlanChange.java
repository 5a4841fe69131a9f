package org.ispchat.splynx;

import java.time.LocalDate;

/** A made plan change: the new subscription's id (null when unknown) and its first day. */
public record PlanChange(String newSubscriptionId, LocalDate from) {}
