package org.ispchat.splynx;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.ispchat.platform.Causes;

/** One HTTP answer of Splynx, read fully and closed: status and body text. */
record SplynxAnswer(int status, String body) {

  /**
   * Sends the request; a connection failure becomes {@link SplynxDown}, a read timeout {@link
   * SplynxTooSlow}.
   */
  static SplynxAnswer of(String what, Supplier<Response> request) {
    try (Response response = request.get()) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      return new SplynxAnswer(response.getStatus(), body == null ? "" : body);
    } catch (ProcessingException e) {
      // A filter's own failure (the token could not be obtained) arrives wrapped: keep its reason.
      for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
        if (t instanceof SplynxUnavailable unavailable) {
          throw unavailable;
        }
      }
      if (Causes.any(
          e,
          t ->
              t instanceof java.net.SocketTimeoutException
                  || t instanceof java.net.http.HttpTimeoutException)) {
        throw new SplynxTooSlow("Splynx did not answer " + what + " within splynx.read-timeout", e);
      }
      throw new SplynxDown(
          "Splynx could not be reached for "
              + what
              + " ("
              + Causes.rootText(e)
              + "): check splynx.url, the network and splynx.read-timeout",
          e);
    }
  }

  boolean success() {
    return status >= 200 && status < 300;
  }
}
