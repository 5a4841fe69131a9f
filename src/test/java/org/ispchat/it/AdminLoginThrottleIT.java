package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Repeated wrong passwords on the admin API are throttled: ten for one account lock it for fifteen
 * minutes (429 with Retry-After, checked before the password), while other accounts from the same
 * address carry on. The test server allows many failures per address, so locking one throwaway name
 * does not lock 127.0.0.1 for the other test classes; the per-address rule is unit-tested.
 */
class AdminLoginThrottleIT extends ServerTest {

  @Test
  void tenWrongPasswordsLockTheAccountAndOthersCarryOn() {
    String intruder = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = messages(basic(intruder, "guess-" + i));
      assertEquals(401, r.statusCode(), r.body());
    }
    HttpResponse<String> locked = messages(basic(intruder, "guess-10"));
    assertEquals(429, locked.statusCode(), locked.body());
    assertTrue(locked.body().startsWith("{\"detail\":\"Too many failed sign-ins"), locked.body());
    long retryAfter =
        Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow().strip());
    assertTrue(retryAfter > 800 && retryAfter <= 900, "about 15 minutes: " + retryAfter);

    // The admin, from the same address, still signs in (messages() fails on anything but 200).
    assertEquals(0, admin().messages("218910000001").size());
    assertEquals(429, messages(basic(intruder, "guess-11")).statusCode(), "still locked");
  }

  @Test
  void noWadlIsServed() {
    assertEquals(404, admin().get("api/application.wadl", null).statusCode());
    assertEquals(404, admin().get("webhooks/application.wadl", null).statusCode());
  }

  private HttpResponse<String> messages(String authorization) {
    return admin().get("api/v1/admin/messages?phone=218910000000", authorization);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
