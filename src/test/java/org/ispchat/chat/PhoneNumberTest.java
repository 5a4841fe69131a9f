package org.ispchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
