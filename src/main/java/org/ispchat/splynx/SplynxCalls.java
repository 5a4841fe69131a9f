package org.ispchat.splynx;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Every HTTP call to Splynx goes through here and through {@link SplynxGate}, whose one bulkhead
 * and one circuit breaker count all of them, so that a slow or failing Splynx cannot hold the bot's
 * threads. Each call has a deadline: the HTTP client's {@code splynx.connect-timeout} and {@code
 * splynx.read-timeout} (2 s and 3 s). Only reads are retried, once, and only after a failure that
 * came at once (5xx, refused connection); a change is never retried here, because a change whose
 * answer was lost may have been made: the façade's {@code find...} twins decide. {@code
 * org.ispchat.splynx.SplynxCalls/read/Retry/maxRetries=0} turns the read retry off.
 *
 * <p>No {@code @Timeout}: it interrupts the calling thread, and that thread is a turn that goes on
 * to commit; an interrupted thread that writes to an embedded H2 database closes its file channel
 * and with it the database (seen in the tests: {@code ClosedByInterruptException}). The client's
 * socket timeouts bound each call without interrupting anyone, and a turn stops asking Splynx once
 * it has spent its budget (dialog.Turn).
 */
@ApplicationScoped
public class SplynxCalls {

  @Inject SplynxSettings settings;
  @Inject SplynxGate gate;
  @Inject Clock clock;

  private SplynxApi api;
  private SplynxApi tokenApi;
  private AccessTokens tokens;

  @PostConstruct
  void connect() {
    if (settings.sandbox() || !settings.missing().isEmpty()) {
      return;
    }
    String userAgent = settings.userAgent();
    String key = settings.apiKey().orElseThrow();
    String secret = settings.apiSecret().orElseThrow();
    tokenApi = client(SplynxAuthorization.none(userAgent));
    SplynxAuthorization authorization =
        switch (settings.auth()) {
          case BASIC -> SplynxAuthorization.basic(userAgent, key, secret);
          case SIGNATURE ->
              SplynxAuthorization.signed(userAgent, new ApiKeySignature(key, secret, clock));
          case TOKEN -> {
            tokens = new AccessTokens(tokenApi, new ApiKeySignature(key, secret, clock), clock);
            yield SplynxAuthorization.token(userAgent, tokens);
          }
        };
    api = client(authorization);
  }

  private SplynxApi client(SplynxAuthorization authorization) {
    return RestClientBuilder.newBuilder()
        .baseUri(settings.apiUrl().orElseThrow())
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .register(authorization)
        .build(SplynxApi.class);
  }

  @PreDestroy
  void disconnect() {
    if (tokens != null) {
      tokens.logout();
    }
  }

  /**
   * A call that changes nothing in Splynx; retried once when Splynx failed at once (a 5xx, a
   * refused connection). Not when it was too slow: a second slow try would only keep the customer
   * waiting past the ten seconds they are promised an answer in.
   */
  @Retry(
      maxRetries = 1,
      delay = 200,
      jitter = 100,
      retryOn = {SplynxDown.class},
      abortOn = {SplynxTooSlow.class})
  public JsonValue read(String what, Function<SplynxApi, Response> call) {
    return gate.pass(() -> exchange(what, call));
  }

  /** A call that changes something in Splynx; never retried after Splynx may have acted. */
  public JsonValue change(String what, Function<SplynxApi, Response> call) {
    return gate.pass(() -> exchange(what, call));
  }

  /**
   * Whether Splynx accepts this customer-portal login and password. The token Splynx issues for
   * them is logged out at once: ispchat only wanted the yes or no. Neither is logged.
   */
  public boolean customerSignIn(String login, String password) {
    return gate.pass(() -> signIn(login, password));
  }

  private boolean signIn(String login, String password) {
    requireConnected();
    String what = "a customer sign-in (POST admin/auth/tokens)";
    SplynxAnswer answer =
        SplynxAnswer.of(
            what,
            () ->
                tokenApi.createToken(
                    JSON.createObjectBuilder()
                        .add("auth_type", "customer")
                        .add("login", login)
                        .add("password", password)
                        .build()));
    if (answer.status() == 400 || answer.status() == 401 || answer.status() == 422) {
      return false;
    }
    Splynx.AuthToken token =
        Splynx.AuthToken.from(
            SplynxJson.object(SplynxErrors.check(what, answer.status(), answer.body())));
    if (!token.refreshToken().isEmpty()) {
      try {
        SplynxAnswer.of("a token logout", () -> tokenApi.deleteToken(token.refreshToken()));
      } catch (SplynxUnavailable e) {
        // The customer's token expires by itself; the sign-in still stands.
      }
    }
    return true;
  }

  private JsonValue exchange(String what, Function<SplynxApi, Response> call) {
    requireConnected();
    String tokenSent = tokens == null ? null : tokens.peek();
    SplynxAnswer answer = SplynxAnswer.of(what, () -> call.apply(api));
    if (answer.status() == 401 && settings.auth() != SplynxSettings.Auth.BASIC) {
      // A 401 means Splynx did nothing, so sending the request once more is safe, changes
      // included. Signature: the nonce is increasing where it is made, but concurrent requests
      // (threads, other nodes) can reach Splynx out of order, and Splynx refuses a nonce lower than
      // one it has seen; a fresh nonce fixes that. Token: it expired or was revoked; the retry
      // renews it (or obtains a new one). A second 401 is a real refusal of the key.
      if (tokens != null) {
        String code = SplynxErrors.internalCode(SplynxJson.parse(answer.body()));
        tokens.refused(tokenSent == null ? tokens.peek() : tokenSent, code);
      }
      answer = SplynxAnswer.of(what, () -> call.apply(api));
    }
    return SplynxErrors.check(what, answer.status(), answer.body());
  }

  private void requireConnected() {
    if (api == null) {
      throw new SplynxUnavailable(
          settings.sandbox()
              ? "splynx.url is not set: the sandbox answers instead of a live Splynx"
              : "Splynx is not configured: set " + String.join(", ", settings.missing()));
    }
  }
}
