package org.ispchat.splynx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplynxErrorsTest {

  private static RuntimeException failure(int status, String body) {
    return SplynxErrors.failure("customer 42", status, body);
  }

  @Test
  void aSuccessIsItsJson() {
    assertEquals(
        "1",
        SplynxJson.text(SplynxJson.object(SplynxErrors.check("x", 200, "{\"id\":\"1\"}")), "id"));
    assertEquals(jakarta.json.JsonValue.NULL, SplynxErrors.check("x", 202, ""));
  }

  @Test
  void refusedKeyNamesWhatToFix() {
    var e =
        failure(
            401,
            "{\"error\":{\"message\":\"Unauthorized\",\"code\":401,\"internal_code\":\"UNAUTHORIZED\"}}");
    var refused = assertInstanceOf(SplynxAuthRefused.class, e);
    assertInstanceOf(SplynxUnavailable.class, e);
    assertEquals("UNAUTHORIZED", refused.internalCode());
    assertTrue(e.getMessage().contains("splynx.api-key"), e.getMessage());
    assertTrue(e.getMessage().contains("IP allow-list"), e.getMessage());
  }

  @Test
  void userAgentPinningIsNamed() {
    var e =
        failure(
            401,
            "{\"error\":{\"message\":\"x\",\"code\":401,\"internal_code\":\"USER_AGENT_CHANGED\"}}");
    assertTrue(e.getMessage().contains("splynx.user-agent"), e.getMessage());
  }

  @Test
  void missingPermissionPointsToTheKeysPermissions() {
    var e =
        failure(
            403,
            "{\"error\":{\"message\":\"Forbidden\",\"code\":403,\"internal_code\":\"FORBIDDEN\"}}");
    assertInstanceOf(SplynxPermissionDenied.class, e);
    assertTrue(e.getMessage().contains("Permissions"), e.getMessage());
    assertTrue(e.getMessage().contains("customer 42"), e.getMessage());
  }

  @Test
  void notFoundIsNotUnavailable() {
    var e =
        failure(
            404,
            "{\"error\":{\"message\":\"Not found\",\"code\":404,\"internal_code\":\"NOT_FOUND\"}}");
    assertInstanceOf(SplynxNotFound.class, e);
    assertFalse(e instanceof SplynxUnavailable);
  }

  @Test
  void refusalsCarrySplynxsOwnWords() {
    var e =
        assertInstanceOf(
            SplynxRejected.class,
            failure(
                400,
                "{\"error\":{\"message\":\"Card is already used\",\"code\":400,"
                    + "\"internal_code\":\"INVALID_INPUT_DATA\"}}"));
    assertEquals(400, e.status());
    assertEquals("INVALID_INPUT_DATA", e.internalCode());
    assertEquals("Card is already used", e.reason());

    var partner =
        assertInstanceOf(
            SplynxRejected.class,
            failure(
                405,
                "{\"error\":{\"message\":\"Not allowed\",\"code\":405,"
                    + "\"internal_code\":\"NOT_ALLOWED_BY_PARTNER_RESTRICTION\"}}"));
    assertEquals("NOT_ALLOWED_BY_PARTNER_RESTRICTION", partner.internalCode());
  }

  @Test
  void validationArraysBecomeFieldMessages() {
    var e =
        assertInstanceOf(
            SplynxRejected.class,
            failure(
                422,
                "[{\"field\":\"code\",\"message\":\"Code is invalid\"},"
                    + "{\"field\":\"customer_id\",\"message\":\"Required\"}]"));
    assertEquals("code: Code is invalid; customer_id: Required", e.reason());
  }

  @Test
  void serverErrorsAndNonJsonAreUnavailable() {
    var e = failure(500, "<html>Internal Server Error</html>");
    assertInstanceOf(SplynxDown.class, e);
    assertTrue(e.getMessage().contains("500"), e.getMessage());
    assertInstanceOf(SplynxDown.class, failure(502, ""));
    assertInstanceOf(SplynxDown.class, failure(429, ""));
  }

  @Test
  void checkThrowsTheMappedFailure() {
    assertThrows(SplynxNotFound.class, () -> SplynxErrors.check("x", 404, ""));
  }
}
