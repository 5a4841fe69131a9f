package org.ispchat.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic with a console admin account for {@code /api/v1/admin/**} (deploy scripts, ops),
 * throttled by {@link SignIn}: after repeated wrong passwords the account or the client address
 * gets 429 with Retry-After. Other API paths use API keys and are not touched here. The signed-in
 * admin's name is left in the request property {@link #ADMIN_USER}, for resources that record who
 * acted (this filter sets no SecurityContext).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

  /** Request property holding the signed-in admin's user name. */
  public static final String ADMIN_USER = "ispchat.admin-user";

  @Inject SignIn signIn;
  @Context HttpServletRequest http;

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
    if (colon < 0) {
      request.abortWith(challenge("Wrong username or password."));
      return;
    }
    SignIn.Outcome outcome =
        signIn.attempt(
            decoded.substring(0, colon), decoded.substring(colon + 1), http.getRemoteAddr());
    if (outcome instanceof SignIn.Locked locked) {
      long seconds = Math.max(1, locked.retryAfter().toSeconds());
      request.abortWith(
          Response.fromResponse(
                  JsonErrors.of(
                      429,
                      "Too many failed sign-ins for this account or from this address; try again"
                          + " in "
                          + Math.max(1, (seconds + 59) / 60)
                          + " minute(s)."))
              .header("Retry-After", Long.toString(seconds))
              .build());
    } else if (outcome instanceof SignIn.SignedIn in) {
      if (in.account().role() != ConsoleAccount.Role.ADMIN) {
        request.abortWith(JsonErrors.of(403, "This needs a console admin."));
      } else {
        request.setProperty(ADMIN_USER, in.account().username());
        // Also as a servlet request attribute, where resources read it: RESTEasy (WildFly) cannot
        // inject a ContainerRequestContext into a resource method.
        http.setAttribute(ADMIN_USER, in.account().username());
      }
    } else {
      request.abortWith(challenge("Wrong username or password."));
    }
  }

  private static Response challenge(String detail) {
    return Response.fromResponse(JsonErrors.of(401, detail))
        .header("WWW-Authenticate", "Basic realm=\"ispchat\", charset=\"UTF-8\"")
        .build();
  }
}
