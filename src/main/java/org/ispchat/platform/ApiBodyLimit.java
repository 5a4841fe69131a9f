package org.ispchat.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;

/** Holds JSON API bodies to 1 MiB (413 beyond), before anything parses them. */
@Provider
@PreMatching
public class ApiBodyLimit implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.hasEntity()) {
      byte[] body =
          BoundedBody.read(
              request.getEntityStream(),
              request.getHeaderString("Content-Length"),
              BoundedBody.API_LIMIT);
      request.setEntityStream(new ByteArrayInputStream(body));
    }
  }
}
