/**
 * The bench-only WAR: a webhook endpoint that verifies and parses but stores nothing, deployed
 * beside ispchat so the benchmark can measure its ceiling on the same server in the same run. Never
 * part of ispchat.war.
 */
package org.ispchat.bench.parseonly;
