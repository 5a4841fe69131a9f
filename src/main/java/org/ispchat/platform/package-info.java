/**
 * What every feature stands on: configuration, the database (data source, migrations, JTA wiring),
 * the application's lifecycle, clock, background threads, backoff, the retention timer (areas plug
 * in through {@link org.ispchat.platform.Purge}), health, console accounts and the JSON error shape
 * of the HTTP API.
 *
 * <p>The bottom of the house: imports no other ispchat package. No business rules live here;
 * nothing here knows WhatsApp, Splynx or billing.
 */
package org.ispchat.platform;
