package org.ispchat.splynx;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Puts ispchat's credentials on every request to Splynx, in the mode {@code splynx.auth} chose, and
 * the fixed User-Agent that Splynx pins tokens to. {@link #none} only sets the User-Agent: for the
 * token endpoints, which are the sign-in itself.
 */
final class SplynxAuthorization implements ClientRequestFilter {

  private final String userAgent;
  private final String basic;
  private final ApiKeySignature signature;
  private final AccessTokens tokens;

  private SplynxAuthorization(
      String userAgent, String basic, ApiKeySignature signature, AccessTokens tokens) {
    this.userAgent = userAgent;
    this.basic = basic;
    this.signature = signature;
    this.tokens = tokens;
  }

  static SplynxAuthorization none(String userAgent) {
    return new SplynxAuthorization(userAgent, null, null, null);
  }

  static SplynxAuthorization basic(String userAgent, String key, String secret) {
    String pair = key + ":" + secret;
    return new SplynxAuthorization(
        userAgent,
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
        null,
        null);
  }

  static SplynxAuthorization signed(String userAgent, ApiKeySignature signature) {
    return new SplynxAuthorization(userAgent, null, signature, null);
  }

  static SplynxAuthorization token(String userAgent, AccessTokens tokens) {
    return new SplynxAuthorization(userAgent, null, null, tokens);
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle(HttpHeaders.USER_AGENT, userAgent);
    String authorization = authorization();
    if (authorization != null) {
      request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
    }
  }

  String authorization() {
    if (basic != null) {
      return basic;
    }
    if (signature != null) {
      return signature.authorization();
    }
    if (tokens != null) {
      return "Splynx-EA (access_token=" + tokens.accessToken() + ")";
    }
    return null;
  }

  @Override
  public String toString() {
    return "SplynxAuthorization["
        + (basic != null
            ? "basic"
            : signature != null ? "signature" : tokens != null ? "token" : "none")
        + "]";
  }
}
