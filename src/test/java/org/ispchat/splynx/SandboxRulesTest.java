package org.ispchat.splynx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ispchat.chat.PhoneNumber;
import org.junit.jupiter.api.Test;

/** The sandbox's rules that live in its entities, without a database. */
class SandboxRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");

  private static final SandboxPlan BAYTTE =
      new SandboxPlan(
          "1",
          "BAYTTE 4 Mbps",
          4096,
          1024,
          new BigDecimal("50.00"),
          100L << 30,
          List.of(Billing.RECURRING, Billing.PREPAID_DAILY, Billing.PREPAID_MONTHLY),
          List.of("2", "3"));
  private static final SandboxPlan MAX =
      new SandboxPlan(
          "2",
          "MAX 10 Mbps",
          10240,
          2048,
          new BigDecimal("120.00"),
          250L << 30,
          List.of(Billing.RECURRING, Billing.PREPAID_DAILY, Billing.PREPAID_MONTHLY),
          List.of("1", "3"));
  private static final SandboxPlan ULTRA =
      new SandboxPlan(
          "4",
          "ULTRA 20 Mbps",
          20480,
          5120,
          new BigDecimal("250.00"),
          null,
          List.of(Billing.RECURRING),
          List.of("3"));

  @Test
  void aPlanOffersOnlyItsListedChangesForTheCustomersBillingType() {
    assertTrue(BAYTTE.allowsChangeTo(MAX));
    assertFalse(BAYTTE.allowsChangeTo(ULTRA));
    assertFalse(BAYTTE.allowsChangeTo(BAYTTE));
    assertTrue(ULTRA.soldFor(Billing.RECURRING));
    assertFalse(ULTRA.soldFor(Billing.PREPAID_MONTHLY));
    assertTrue(MAX.soldFor(Billing.PREPAID_DAILY));
  }

  @Test
  void usageLeftIsTheCapMinusUseAndNoneForUnlimitedPlans() {
    assertEquals(37L << 30, BAYTTE.remainingBytes(63L << 30));
    assertEquals(0L, BAYTTE.remainingBytes(120L << 30));
    assertNull(ULTRA.remainingBytes(400L << 30));
  }

  @Test
  void aPrepaidMonthlyDepositPaysWholeMonthsAfterTheCurrentOne() {
    BigDecimal price = new BigDecimal("50.00");
    assertEquals(
        LocalDate.of(2026, 11, 30),
        SandboxCustomer.paidUntil(Billing.PREPAID_MONTHLY, new BigDecimal("47.50"), price, TODAY));
    assertEquals(
        LocalDate.of(2026, 12, 31),
        SandboxCustomer.paidUntil(Billing.PREPAID_MONTHLY, new BigDecimal("67.50"), price, TODAY));
    assertEquals(
        LocalDate.of(2026, 11, 30),
        SandboxCustomer.paidUntil(Billing.PREPAID_MONTHLY, new BigDecimal("-5"), price, TODAY));
  }

  @Test
  void aPrepaidDailyDepositPaysDaysAtAThirtiethOfTheMonthlyPrice() {
    assertEquals(
        TODAY.plusDays(6),
        SandboxCustomer.paidUntil(
            Billing.PREPAID_DAILY, new BigDecimal("10.00"), new BigDecimal("50.00"), TODAY));
  }

  @Test
  void aRecurringCustomerOrOneWithoutServiceHasNoPaidUntil() {
    assertNull(
        SandboxCustomer.paidUntil(
            Billing.RECURRING, new BigDecimal("100"), new BigDecimal("50"), TODAY));
    assertNull(
        SandboxCustomer.paidUntil(
            Billing.PREPAID_MONTHLY, new BigDecimal("100"), BigDecimal.ZERO, TODAY));
  }

  @Test
  void anActiveRefillCardIsRedeemedOnceByOneCustomer() {
    SandboxRefillCard card = new SandboxRefillCard(1L, "1234567890", BigDecimal.TEN, null);
    card.redeem("1001", NOW, TODAY);
    assertEquals(SandboxRefillCard.Status.USED, card.status());
    assertTrue(card.redeemedBy("1001", NOW.minusSeconds(60)));
    assertFalse(card.redeemedBy("1001", NOW.plusSeconds(1)));
    assertFalse(card.redeemedBy("1002", NOW.minusSeconds(60)));
    assertThrows(RefillCardRejected.class, () -> card.redeem("1002", NOW, TODAY));
    assertTrue(card.redeemedBy("1001", NOW), "a refused second use leaves the first");
  }

  @Test
  void aRefillCardPastItsDateIsRefused() {
    SandboxRefillCard card =
        new SandboxRefillCard(2L, "202601-lyd-Ex9Pir3D", BigDecimal.TEN, TODAY.minusDays(1));
    assertThrows(RefillCardRejected.class, () -> card.redeem("1001", NOW, TODAY));
    assertEquals(SandboxRefillCard.Status.ACTIVE, card.status());
  }

  @Test
  void aPaymentClearingTheDebtUnblocksTheCustomer() {
    SandboxCustomer khaled =
        new SandboxCustomer(
            "1005",
            "demo-4",
            "Khaled",
            "+218 95 111 2222",
            AccountStatus.BLOCKED,
            Billing.RECURRING,
            "demo1234",
            new BigDecimal("-50.00"));
    khaled.credit(new BigDecimal("20.00"));
    assertEquals(AccountStatus.BLOCKED, khaled.asAccount().status());
    khaled.credit(new BigDecimal("30.00"));
    assertEquals(AccountStatus.ACTIVE, khaled.asAccount().status());
    assertEquals(0, khaled.deposit().compareTo(BigDecimal.ZERO));
    assertThrows(IllegalArgumentException.class, () -> khaled.credit(BigDecimal.ZERO));
  }

  @Test
  void thePortalPasswordMustMatchExactly() {
    SandboxCustomer ahmed =
        new SandboxCustomer(
            "1001",
            "demo-1",
            "Ahmed",
            "0912345678",
            AccountStatus.ACTIVE,
            Billing.PREPAID_MONTHLY,
            "demo1234",
            BigDecimal.ZERO);
    assertTrue(ahmed.hasPassword("demo1234"));
    assertFalse(ahmed.hasPassword("demo12345"));
    assertFalse(ahmed.hasPassword("DEMO1234"));
    assertFalse(ahmed.hasPassword(null));
    assertFalse(ahmed.toString().contains("demo1234"));
  }

  @Test
  void aPlanChangeEndsTheOldSubscriptionTheDayBeforeTheNewOneStarts() {
    SandboxSubscription old =
        new SandboxSubscription(
            "1001", BAYTTE, BAYTTE.price(), LocalDate.of(2026, 3, 1), "ahmed", null);
    LocalDate from = TODAY.plusDays(1);
    SandboxSubscription next = old.changeTo(MAX, from, "ispchat-42");
    assertEquals(TODAY, old.ends());
    assertTrue(old.currentOn(TODAY));
    assertFalse(old.currentOn(from));
    assertFalse(next.currentOn(TODAY), "pending until its first day");
    assertTrue(next.currentOn(from));
    assertEquals(MAX.price(), next.price());
    assertThrows(PlanChangeRefused.class, () -> old.changeTo(MAX, from.plusDays(5), "again"));
  }

  @Test
  void aTicketSubjectKeepsTheReferenceWhenClipped() {
    SandboxTicket ticket = new SandboxTicket("1001", "x".repeat(400), "ispchat-7", NOW);
    assertEquals(300, ticket.subject().length());
    assertTrue(ticket.subject().endsWith(" [ispchat-7]"));
    assertEquals(
        "No internet [ispchat-8]",
        new SandboxTicket("1001", " No internet ", "ispchat-8", NOW).subject());
  }

  @Test
  void theDemoPhoneFieldsHoldTheNumbersTheReadmePromises() {
    assertTrue(PhoneNumber.sameNumber("0912345678", "218912345678", "LY"));
    assertTrue(PhoneNumber.sameNumber("218925556677, 0931112233", "218925556677", "LY"));
    assertTrue(PhoneNumber.sameNumber("218925556677, 0931112233", "218931112233", "LY"));
    assertTrue(PhoneNumber.sameNumber("0944445555", "218944445555", "LY"));
    assertTrue(PhoneNumber.sameNumber("+218 94-444-5555 / 021 333 4444", "218944445555", "LY"));
    assertTrue(PhoneNumber.sameNumber("+218 95 111 2222", "218951112222", "LY"));
  }
}
