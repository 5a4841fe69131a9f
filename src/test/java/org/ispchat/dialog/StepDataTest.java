package org.ispchat.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StepDataTest {

  @Test
  void valuesWithSeparatorsAndArabicSurviveTheRoundTrip() {
    StepData data =
        StepData.empty().with("name", "MAX & more=fast").with("ar", "باقة").with("n", null);
    StepData back = StepData.parse(data.toString());
    assertEquals("MAX & more=fast", back.get("name"));
    assertEquals("باقة", back.get("ar"));
    assertEquals("", back.get("n"));
    assertNull(StepData.parse(null).get("name"));
  }
}
