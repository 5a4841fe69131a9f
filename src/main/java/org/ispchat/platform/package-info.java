/**
 * What every feature stands on: configuration, the database (data source, migrations, JTA wiring),
 * clock, background threads, the retention timer (areas plug in through {@link
 * org.ispchat.platform.Purge}), health and the JSON error shape of the HTTP API.
 *
 * <p>No business rules live here; nothing here knows WhatsApp, Splynx or billing.
 */
package org.ispchat.platform;
