package org.ispchat.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body without ever holding more than the limit: a sender that lies about (or
 * omits) Content-Length still gets 413 once it passes the limit.
 */
public final class BoundedBody {

  public static final long WEBHOOK_LIMIT = 4L * 1024 * 1024;
  public static final long API_LIMIT = 1024L * 1024;

  private BoundedBody() {}

  public static byte[] read(InputStream in, String contentLength, long limit) {
    if (contentLength != null) {
      try {
        if (Long.parseLong(contentLength.strip()) > limit) {
          swallow(in);
          throw tooLarge(limit);
        }
      } catch (NumberFormatException ignored) {
        // read and count instead
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > limit) {
          swallow(in);
          throw tooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new ApiFailure(400, "The request body could not be read.");
    }
    return out.toByteArray();
  }

  /**
   * Reads and drops the rest of an oversized body, up to {@link #SWALLOW_MAX}, so the client has
   * sent it all and reads the 413: answering while it is still sending makes the server close the
   * connection, and the client sees a broken connection instead of the answer.
   */
  private static void swallow(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    long dropped = 0;
    try {
      int n;
      while (dropped < SWALLOW_MAX && (n = in.read(buffer)) != -1) {
        dropped += n;
      }
    } catch (IOException e) {
      // the client gave up; the 413 goes nowhere, which is fine
    }
  }

  /** Beyond this the connection is closed without reading on: 413 is no reason to take 1 GB. */
  static final long SWALLOW_MAX = 16L * 1024 * 1024;

  static ApiFailure tooLarge(long limit) {
    return new ApiFailure(413, "The request body is larger than " + limit / 1024 + " KiB.");
  }
}
