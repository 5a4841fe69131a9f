/**
 * The bench-only WAR: a webhook endpoint and a billing notification endpoint that check and parse
 * but store nothing, deployed beside ispchat so the benchmark can measure its ceiling on the same
 * server in the same run. Never part of ispchat.war.
 */
package org.ispchat.bench.parseonly;
