package org.ispchat.splynx;

import java.time.Clock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one access token of ispchat's API key ({@code splynx.auth=token}), shared by all threads of
 * this node. It is obtained with a signed {@code POST admin/auth/tokens} ({@code auth_type
 * api_key}), renewed with the refresh token a minute before it expires, and obtained anew when the
 * renewal fails. One thread renews at a time; the others wait for its result instead of renewing
 * too. Splynx pins a token to the User-Agent and address that obtained it, so the User-Agent is
 * fixed ({@code splynx.user-agent}).
 */
final class AccessTokens {

  private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());
  static final long RENEW_BEFORE_SECONDS = 60;

  private final SplynxApi tokenApi;
  private final ApiKeySignature signature;
  private final Clock clock;
  private volatile Splynx.AuthToken current;

  /** {@code tokenApi} sends no Authorization header: the token endpoints are the sign-in. */
  AccessTokens(SplynxApi tokenApi, ApiKeySignature signature, Clock clock) {
    this.tokenApi = tokenApi;
    this.signature = signature;
    this.clock = clock;
  }

  /** A token valid for at least another minute, renewing or obtaining one if needed. */
  String accessToken() {
    Splynx.AuthToken token = current;
    if (token != null && fresh(token)) {
      return token.accessToken();
    }
    synchronized (this) {
      token = current;
      if (token == null || !fresh(token)) {
        token = replace(token);
        current = token;
      }
      return token.accessToken();
    }
  }

  /** The token requests are sent with now, or null when there is none yet. */
  String peek() {
    Splynx.AuthToken token = current;
    return token == null ? null : token.accessToken();
  }

  /**
   * Splynx refused {@code accessToken} with 401 ({@code internalCode}): the next request renews it
   * (expired) or obtains a new one (banned, pinned to another User-Agent or address, ...). Nothing
   * happens if another thread has already replaced that token.
   */
  synchronized void refused(String accessToken, String internalCode) {
    Splynx.AuthToken token = current;
    if (token == null || !token.accessToken().equals(accessToken)) {
      return;
    }
    current =
        "EXPIRED_ACCESS_TOKEN".equals(internalCode)
            ? new Splynx.AuthToken(
                token.accessToken(), 0, token.refreshToken(), token.refreshTokenExpiration())
            : null;
  }

  /** Logs the token out, best effort (on undeploy). */
  synchronized void logout() {
    Splynx.AuthToken token = current;
    current = null;
    if (token != null && !token.refreshToken().isEmpty()) {
      try {
        SplynxAnswer.of("a token logout", () -> tokenApi.deleteToken(token.refreshToken()));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Splynx token logout failed: {0}", e.getMessage());
      }
    }
  }

  private boolean fresh(Splynx.AuthToken token) {
    return clock.instant().getEpochSecond() + RENEW_BEFORE_SECONDS < token.accessTokenExpiration();
  }

  private Splynx.AuthToken replace(Splynx.AuthToken old) {
    long now = clock.instant().getEpochSecond();
    if (old != null && !old.refreshToken().isEmpty() && now < old.refreshTokenExpiration()) {
      try {
        Splynx.AuthToken renewed =
            read(
                "a token renewal (GET admin/auth/tokens/…)",
                api -> api.renewToken(old.refreshToken()));
        LOG.log(
            Level.FINE,
            "Splynx access token renewed, valid until {0}",
            renewed.accessTokenExpiration());
        return renewed;
      } catch (SplynxUnavailable | SplynxRejected | SplynxNotFound e) {
        LOG.log(
            Level.INFO, "Splynx token renewal failed, obtaining a new token: {0}", e.getMessage());
      }
    }
    Splynx.AuthToken created =
        read(
            "an access token (POST admin/auth/tokens)",
            api -> api.createToken(signature.tokenRequest()));
    LOG.log(
        Level.INFO,
        "Splynx access token obtained, valid until {0}",
        created.accessTokenExpiration());
    return created;
  }

  private Splynx.AuthToken read(
      String what, Function<SplynxApi, jakarta.ws.rs.core.Response> call) {
    SplynxAnswer answer = SplynxAnswer.of(what, () -> call.apply(tokenApi));
    Splynx.AuthToken token =
        Splynx.AuthToken.from(
            SplynxJson.object(SplynxErrors.check(what, answer.status(), answer.body())));
    if (token.accessToken().isEmpty()) {
      throw new SplynxDown("Splynx answered " + what + " without an access_token");
    }
    return token;
  }
}
