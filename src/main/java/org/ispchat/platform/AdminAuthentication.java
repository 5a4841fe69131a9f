package org.ispchat.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic with a console admin account for {@code /api/v1/admin/**} (deploy scripts, ops). Other
 * API paths use API keys and are not touched here.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

  @Inject ConsoleAccounts accounts;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("v1/admin") && !path.startsWith("/v1/admin")) {
      return;
    }
    String header = request.getHeaderString("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      request.abortWith(challenge("Console admin credentials (HTTP Basic) are required."));
      return;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      request.abortWith(challenge("The Basic credentials are not valid Base64."));
      return;
    }
    int colon = decoded.indexOf(':');
    var account =
        colon < 0
            ? java.util.Optional.<ConsoleAccount>empty()
            : accounts.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    if (account.isEmpty()) {
      request.abortWith(challenge("Wrong username or password."));
    } else if (account.get().role() != ConsoleAccount.Role.ADMIN) {
      request.abortWith(JsonErrors.of(403, "This needs a console admin."));
    }
  }

  private static Response challenge(String detail) {
    return Response.fromResponse(JsonErrors.of(401, detail))
        .header("WWW-Authenticate", "Basic realm=\"ispchat\", charset=\"UTF-8\"")
        .build();
  }
}
