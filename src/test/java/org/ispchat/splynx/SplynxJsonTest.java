package org.ispchat.splynx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplynxJsonTest {

  private static JsonObject json(String text) {
    return SplynxJson.object(SplynxJson.parse(text));
  }

  @Test
  void idsReadTheSameAsStringOrNumber() {
    assertEquals("42", SplynxJson.text(json("{\"id\":\"42\"}"), "id"));
    assertEquals("42", SplynxJson.text(json("{\"id\":42}"), "id"));
    assertEquals("", SplynxJson.text(json("{\"id\":null}"), "id"));
    assertEquals("", SplynxJson.text(json("{}"), "id"));
  }

  @Test
  void moneyKeepsItsFourDecimalsWhetherStringOrNumber() {
    assertEquals(
        new BigDecimal("7412.0000"), SplynxJson.decimal(json("{\"d\":\"7412.0000\"}"), "d"));
    assertEquals(new BigDecimal("-499.0"), SplynxJson.decimal(json("{\"d\":-499.0}"), "d"));
    assertEquals(
        0, new BigDecimal("235.09").compareTo(SplynxJson.decimal(json("{\"d\":235.09}"), "d")));
    assertNull(SplynxJson.decimal(json("{\"d\":\"\"}"), "d"));
    assertNull(SplynxJson.decimal(json("{\"d\":\"n/a\"}"), "d"));
  }

  @Test
  void countersReadAsStringNumberOrMissing() {
    assertEquals(734003200L, SplynxJson.whole(json("{\"b\":\"734003200\"}"), "b", 0));
    assertEquals(107374182400L, SplynxJson.whole(json("{\"b\":107374182400}"), "b", 0));
    assertEquals(-1, SplynxJson.whole(json("{}"), "b", -1));
  }

  @Test
  void flagsAcceptOneZeroBooleansAndText() {
    assertTrue(SplynxJson.flag(json("{\"f\":\"1\"}"), "f"));
    assertTrue(SplynxJson.flag(json("{\"f\":1}"), "f"));
    assertTrue(SplynxJson.flag(json("{\"f\":true}"), "f"));
    assertTrue(SplynxJson.flag(json("{\"f\":\"true\"}"), "f"));
    assertFalse(SplynxJson.flag(json("{\"f\":\"0\"}"), "f"));
    assertFalse(SplynxJson.flag(json("{\"f\":false}"), "f"));
    assertFalse(SplynxJson.flag(json("{\"f\":null}"), "f"));
    assertFalse(SplynxJson.flag(json("{}"), "f"));
  }

  @Test
  void zeroDatesMeanNone() {
    assertNull(SplynxJson.date(json("{\"d\":\"0000-00-00\"}"), "d"));
    assertNull(SplynxJson.date(json("{\"d\":\"\"}"), "d"));
    assertNull(SplynxJson.date(json("{\"d\":null}"), "d"));
    assertEquals(LocalDate.of(2025, 6, 16), SplynxJson.date(json("{\"d\":\"2025-06-16\"}"), "d"));
    assertEquals(
        LocalDate.of(2025, 6, 16), SplynxJson.date(json("{\"d\":\"2025-06-16 10:00:00\"}"), "d"));
    assertNull(SplynxJson.dateTime("0000-00-00 00:00:00"));
    assertEquals(
        LocalDateTime.of(2025, 6, 10, 7, 12, 44), SplynxJson.dateTime("2025-06-10 07:12:44"));
  }

  @Test
  void listsAreBareArraysOrObjectsKeyedById() {
    assertEquals(2, SplynxJson.objects(SplynxJson.parse("[{\"id\":\"1\"},{\"id\":\"2\"}]")).size());
    assertEquals(
        2,
        SplynxJson.objects(SplynxJson.parse("{\"1\":{\"id\":\"1\"},\"2\":{\"id\":\"2\"}}")).size());
    assertEquals(1, SplynxJson.objects(SplynxJson.parse("{\"id\":\"7\",\"x\":{}}")).size());
    assertEquals(0, SplynxJson.objects(SplynxJson.parse("")).size());
    assertEquals(0, SplynxJson.objects(SplynxJson.parse("[]")).size());
  }

  @Test
  void wordListsAreArraysOrCommaText() {
    assertEquals(
        List.of("recurring", "prepaid_monthly"),
        SplynxJson.words(json("{\"b\":[\"recurring\",\"prepaid_monthly\"]}"), "b"));
    assertEquals(
        List.of("recurring", "prepaid"),
        SplynxJson.words(json("{\"b\":\"recurring, prepaid\"}"), "b"));
    assertEquals(List.of(), SplynxJson.words(json("{}"), "b"));
  }

  @Test
  void createdIdComesFromTheObjectOrABareValue() {
    assertEquals("15", SplynxJson.createdId(SplynxJson.parse("{\"id\":15}")));
    assertEquals("15", SplynxJson.createdId(SplynxJson.parse("\"15\"")));
    assertEquals("15", SplynxJson.createdId(SplynxJson.parse("15")));
    assertNull(SplynxJson.createdId(SplynxJson.parse("")));
  }

  @Test
  void aCustomerReadsFromStringsAndNeverKeepsThePassword() {
    var customer =
        Splynx.Customer.from(
            json(
                "{\"id\":1042,\"login\":\"000123\",\"name\":\"Thandi\",\"phone\":\"0821234567,"
                    + " +27 11 555 0101\",\"status\":\"blocked\",\"billing_type\":\"recurring\","
                    + "\"partner_id\":\"1\",\"password\":\"secret\"}"));
    assertEquals("1042", customer.id());
    assertFalse(customer.toString().contains("secret"));
  }

  @Test
  void aTariffReadsSpeedsPriceAndBillingTypes() {
    var tariff =
        Splynx.InternetTariff.from(
            json(
                "{\"id\":\"3\",\"title\":\"Fibre 50/10\",\"price\":\"499.0000\","
                    + "\"speed_download\":\"51200\",\"speed_upload\":10240,"
                    + "\"billing_types\":[\"recurring\"]}"));
    assertEquals(51200, tariff.speedDownload());
    assertEquals(10240, tariff.speedUpload());
    assertEquals(new BigDecimal("499.0000"), tariff.price());
    assertEquals(List.of("recurring"), tariff.billingTypes());
  }
}
