/**
 * The benchmark harness ({@code mvn -Pbench verify}): starts one Payara Micro with ispchat and the
 * parse-only WAR, drives it with Meta-shaped webhook traffic from this JVM and prints the figures.
 * Run by hand, never by the test suites; nothing here ships in ispchat.war.
 */
package org.ispchat.bench;
