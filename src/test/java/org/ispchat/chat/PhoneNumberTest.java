package org.ispchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

  @Test
  void typedNumbersBecomeInternationalDigits() {
    assertEquals(Optional.of("218913456789"), PhoneNumber.asSender("+218 91-345 6789"));
    assertEquals(Optional.of("447700900123"), PhoneNumber.asSender(" +44 (7700) 900123 "));
  }

  @Test
  void nothingTypedIsNoNumber() {
    assertEquals(Optional.empty(), PhoneNumber.asSender(null));
    assertEquals(Optional.empty(), PhoneNumber.asSender(" + - "));
  }

  @Test
  void libyanLocalNumberGetsTheCountryCode() {
    assertEquals(List.of("218912345678"), PhoneNumber.parseAll("0912345678", "LY"));
    assertEquals(List.of("218925556677"), PhoneNumber.parseAll("092-555-6677", "LY"));
    assertEquals(List.of("218944445555"), PhoneNumber.parseAll("(094) 444.5555", "LY"));
  }

  @Test
  void internationalNumbersAreReadWithPlusWithoutPlusAndWithDoubleZero() {
    for (String typed :
        List.of(
            "+218 91 345 6789",
            "218913456789",
            "00218913456789",
            "00 218 91 345 6789",
            "+218-91-345-6789",
            "(+218) 913456789")) {
      assertEquals(List.of("218913456789"), PhoneNumber.parseAll(typed, "LY"), typed);
    }
  }

  @Test
  void severalNumbersInOneFieldAreAllFound() {
    assertEquals(
        List.of("218913456789", "218925556677"),
        PhoneNumber.parseAll("218913456789, 0925556677", "LY"));
    assertEquals(
        List.of("218912345678", "218931112233", "218944445555", "218955556666"),
        PhoneNumber.parseAll("0912345678; +218 93 111 2233 / 0944445555\n0955556666", "LY"));
    assertEquals(
        List.of("218912345678", "218925556677"),
        PhoneNumber.parseAll("0912345678 0925556677", "LY"));
  }

  @Test
  void theSameNumberTypedTwiceIsListedOnce() {
    assertEquals(
        List.of("218912345678"), PhoneNumber.parseAll("0912345678, +218 91 234 5678", "LY"));
  }

  @Test
  void partsThatAreNoNumberAreSkipped() {
    assertEquals(
        List.of("218912345678"),
        PhoneNumber.parseAll("n/a, 0912345678, call after 5pm, 12345, 0000000000", "LY"));
    assertEquals(List.of(), PhoneNumber.parseAll("", "LY"));
    assertEquals(List.of(), PhoneNumber.parseAll(null, "LY"));
    assertEquals(List.of(), PhoneNumber.parseAll(" -- ", "LY"));
  }

  @Test
  void arabicIndicDigitsCount() {
    assertEquals(List.of("218912345678"), PhoneNumber.parseAll("٠٩١٢٣٤٥٦٧٨", "LY"));
  }

  @Test
  void localNumbersOfOtherRegionsFollowTheRegion() {
    assertEquals(List.of("27821234567"), PhoneNumber.parseAll("0821234567", "ZA"));
    assertEquals(
        List.of("27821234567", "27115550101"),
        PhoneNumber.parseAll("0821234567, +27 11 555 0101", "ZA"));
    assertEquals(List.of("201012345678"), PhoneNumber.parseAll("010 1234 5678", "EG"));
    assertEquals(List.of("966501234567"), PhoneNumber.parseAll("050 123 4567", "SA"));
  }

  @Test
  void foreignInternationalNumbersAreReadInAnyRegion() {
    Map<String, String> typed =
        Map.of(
            "+20 10 1234 5678", "201012345678",
            "966501234567", "966501234567",
            "0027 82 123 4567", "27821234567");
    typed.forEach(
        (field, expected) ->
            assertEquals(List.of(expected), PhoneNumber.parseAll(field, "LY"), field));
  }

  @Test
  void aWhatsAppIdIsFoundInTheFieldWhateverTheFormTyped() {
    assertTrue(PhoneNumber.sameNumber("0912345678", "218912345678", "LY"));
    assertTrue(PhoneNumber.sameNumber("218925556677, 0931112233", "218931112233", "LY"));
    assertTrue(PhoneNumber.sameNumber("+218 92-555-6677", "218925556677", "LY"));
    assertFalse(PhoneNumber.sameNumber("0912345679", "218912345678", "LY"));
    assertFalse(PhoneNumber.sameNumber("", "218912345678", "LY"));
    assertFalse(PhoneNumber.sameNumber(null, "218912345678", "LY"));
    assertFalse(PhoneNumber.sameNumber("0912345678", "", "LY"));
  }

  @Test
  void theLocalFormOfAnotherCountryIsNotTheSameNumber() {
    // 0912345678 typed by a South African ISP is no Libyan number.
    assertFalse(PhoneNumber.sameNumber("0912345678", "218912345678", "ZA"));
  }

  @Test
  void aNumberLibphonenumberDoesNotKnowStillMatchesDigitForDigit() {
    assertTrue(PhoneNumber.sameNumber("+999 1234 5678", "99912345678", "LY"));
  }

  @Test
  void oneTypedNumberBecomesInternationalDigits() {
    assertEquals(Optional.of("218912345678"), PhoneNumber.international("+218 91-234-5678", "LY"));
    assertEquals(Optional.of("218912345678"), PhoneNumber.international("0912345678", "LY"));
    assertEquals(Optional.empty(), PhoneNumber.international("hello", "LY"));
    assertEquals(Optional.empty(), PhoneNumber.international(null, "LY"));
  }

  @Test
  void theRegionSettingDefaultsToLibyaAndRefusesUnknownRegions() {
    assertEquals("LY", PhoneSettings.read(key -> Optional.empty()).region());
    assertEquals("ZA", PhoneSettings.read(key -> Optional.of(" za ")).region());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PhoneSettings.read(key -> Optional.of("LYD")));
    assertTrue(e.getMessage().contains("ispchat.phone-region"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PhoneSettings(null));
  }
}
