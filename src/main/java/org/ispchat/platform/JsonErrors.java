package org.ispchat.platform;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error leaves the HTTP API as {@code {"detail": "..."}} with its status; no stack trace ever
 * reaches a client. Unexpected failures are logged with a reference the client also gets.
 */
@Provider
public class JsonErrors implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(JsonErrors.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (e instanceof ApiFailure f) {
      return of(f.status(), f.detail());
    }
    if (e instanceof WebApplicationException w) {
      Response original = w.getResponse();
      Response.StatusType status = original.getStatusInfo();
      Response.ResponseBuilder copy =
          Response.status(status.getStatusCode())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(detail(status.getReasonPhrase()));
      original
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")
                    && !name.equalsIgnoreCase("Content-Length")) {
                  values.forEach(v -> copy.header(name, v));
                }
              });
      return copy.build();
    }
    if (e instanceof JsonException) {
      return of(400, "The body is not valid JSON.");
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, e);
    return of(500, "Internal error (reference " + reference + ").");
  }

  public static Response of(int status, String detail) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(detail(detail))
        .build();
  }

  private static String detail(String text) {
    return JSON.createObjectBuilder().add("detail", text == null ? "" : text).build().toString();
  }
}
