package org.ispchat.splynx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.ispchat.platform.BoundedBody;

/**
 * {@code POST /webhooks/splynx}: Splynx's "Webhooks" hook, JSON or form-encoded. 200 once handled
 * (a ping too); 401 for a missing or wrong {@code X-Splynx-Signature}, 403 while {@code
 * splynx.hook-secret} is unset, 400 for a body that is not a hook, 413 over 1 MiB; nothing is done
 * in those cases. The failures are {@code ApiFailure}s, written as {@code {"detail"}} by {@code
 * JsonErrors}.
 */
@Path("splynx")
@ApplicationScoped
public class SplynxHookResource {

  @Inject SplynxHooks hooks;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response deliver(
      @HeaderParam("X-Splynx-Signature") String signature,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Content-Length") String contentLength,
      InputStream body) {
    byte[] raw = BoundedBody.read(body, contentLength, BoundedBody.API_LIMIT);
    hooks.receive(raw, contentType, signature);
    return Response.ok("{\"status\":\"ok\"}", MediaType.APPLICATION_JSON_TYPE).build();
  }
}
