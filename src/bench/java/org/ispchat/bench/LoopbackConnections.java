package org.ispchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts established TCP connections to a local port from the kernel's tables, to show how many
 * connections the load really used (a client pool that quietly serialises requests would show fewer
 * than the clients).
 */
final class LoopbackConnections {

  private static final String ESTABLISHED = "01";

  private LoopbackConnections() {}

  /** Client-side ends of established connections whose remote port is {@code port}. */
  static int to(int port) {
    String hexPort = String.format(":%04X", port);
    int count = 0;
    for (Path table : List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"))) {
      try {
        for (String line : Files.readAllLines(table)) {
          // sl local_address rem_address st ...
          String[] fields = line.trim().split("\\s+");
          if (fields.length > 3 && fields[2].endsWith(hexPort) && fields[3].equals(ESTABLISHED)) {
            count++;
          }
        }
      } catch (IOException | RuntimeException e) {
        return -1; // not Linux, or no /proc: the figure is reported as unknown
      }
    }
    return count;
  }
}
