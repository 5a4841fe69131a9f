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
          throw tooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new ApiFailure(400, "The request body could not be read.");
    }
    return out.toByteArray();
  }

  static ApiFailure tooLarge(long limit) {
    return new ApiFailure(413, "The request body is larger than " + limit / 1024 + " KiB.");
  }
}
