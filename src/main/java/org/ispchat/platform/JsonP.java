package org.ispchat.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Every static {@code jakarta.json.Json.createX()} call asks
 * the ServiceLoader again, which scans jar files: under webhook load that was a tenth of all CPU.
 */
public final class JsonP {

  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonP() {}
}
