package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of API keys that need no database: the key's form, its parsing and its hash. */
class ApiKeysTest {

  private final ApiKeys keys = new ApiKeys();

  @Test
  void aKeyIsThePrefixATwelveCharacterLookupAndAThirtyTwoCharacterSecret() {
    String key = keys.newKeyText();
    assertTrue(key.matches("isp_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}"), key);
    assertEquals(Optional.of(key.substring(4, 16)), ApiKeys.lookupOf(key));
  }

  @Test
  void theSecretCarriesAtLeast128Bits() {
    // 32 characters from 62 letters and digits, drawn by SecureRandom.
    double bits = 32 * Math.log(62) / Math.log(2);
    assertTrue(bits >= 128, "bits: " + bits);
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      keys.newKeyText().substring(17).chars().forEach(c -> seen.add((char) c));
    }
    assertEquals(62, seen.size(), "every letter and digit turns up: " + seen);
  }

  @Test
  void everyKeyIsNew() {
    Set<String> made = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(made.add(keys.newKeyText()));
    }
  }

  @Test
  void onlyTextOfTheKeysShapeHasALookup() {
    String good = "isp_AbCdEf012345_" + "x".repeat(32);
    assertEquals(Optional.of("AbCdEf012345"), ApiKeys.lookupOf(good));
    assertEquals(Optional.empty(), ApiKeys.lookupOf("ips_AbCdEf012345_" + "x".repeat(32)));
    assertEquals(Optional.empty(), ApiKeys.lookupOf("isp_AbCdEf012345_" + "x".repeat(31)));
    assertEquals(Optional.empty(), ApiKeys.lookupOf("isp_AbCdEf012345_" + "x".repeat(33)));
    assertEquals(Optional.empty(), ApiKeys.lookupOf("isp_AbCdEf0123456" + "x".repeat(32)));
    assertEquals(Optional.empty(), ApiKeys.lookupOf(""));
  }

  @Test
  void theStoredHashIsTheHexSha256OfTheWholeKey() {
    // The FIPS 180-2 test vector for "abc".
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ApiKeys.hex(ApiKeys.sha256("abc")));
    String key = keys.newKeyText();
    String hash = ApiKeys.hex(ApiKeys.sha256(key));
    assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    assertNotEquals(hash, ApiKeys.hex(ApiKeys.sha256(key + "x")));
  }

  @Test
  void aMissingOrMalformedHeaderOrKeyIsRefusedWithoutAskingTheDatabase() {
    // No EntityManager here: none of these may reach it.
    assertEquals(
        "Missing API key: send the header 'Authorization: Bearer <API key>'.",
        refused(keys.check(null)));
    assertEquals(
        "Missing API key: send the header 'Authorization: Bearer <API key>'.",
        refused(keys.check("  ")));
    assertEquals(
        "Malformed Authorization header: expected 'Bearer <API key>'.",
        refused(keys.check("Basic YWRtaW46eA==")));
    assertEquals("Invalid API key.", refused(keys.check("Bearer not-a-key")));
    assertEquals("Invalid API key.", refused(keys.check("bearer isp_short_key")));
  }

  private static String refused(ApiKeys.Check check) {
    return assertInstanceOf(ApiKeys.Refused.class, check).detail();
  }
}
