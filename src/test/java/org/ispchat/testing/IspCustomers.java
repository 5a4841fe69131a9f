package org.ispchat.testing;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Customers of the shared fake Splynx, each with ids and a Libyan mobile number no other test uses,
 * on a plan with two others to change to.
 */
public final class IspCustomers {

  private static final AtomicInteger NEXT =
      new AtomicInteger(100_000 + ThreadLocalRandom.current().nextInt(800_000));

  private IspCustomers() {}

  /** A Libyan mobile number as WhatsApp gives it: {@code 21891xxxxxxx}. */
  public static String newMobile() {
    int operator = new int[] {1, 2, 4}[ThreadLocalRandom.current().nextInt(3)];
    return "2189" + operator + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
  }

  /** The same number as a Libyan ISP types it: {@code 091xxxxxxx}. */
  public static String local(String international) {
    return "0" + international.substring(3);
  }

  /**
   * A customer record in the fake, login {@code user<id>}, with a service {@code <id>7} on plan
   * {@code <id>1} (BAYTTE) that may change to {@code <id>2} (MAX); {@code <id>3} (INFINITY) is for
   * recurring billing only, so it is not offered.
   */
  public static String add(FakeSplynx splynx, String phoneField, String deposit) {
    return customer(splynx, phoneField, deposit).id();
  }

  /** As {@link #add}, returning the fake's record for more settings (a portal password, say). */
  public static FakeSplynx.Customer customer(FakeSplynx splynx, String phoneField, String deposit) {
    String id = String.valueOf(NEXT.incrementAndGet());
    FakeSplynx.Customer customer =
        splynx
            .customer(id, "user" + id, "Customer " + id, phoneField)
            .deposit(deposit)
            .billingType("prepaid_monthly");
    String base = id + "1";
    String max = id + "2";
    String infinity = id + "3";
    splynx
        .tariff(base, "BAYTTE", "50", 4096, 1024)
        .billingTypes("prepaid_monthly")
        .changeableTo(max, infinity);
    splynx.tariff(max, "MAX", "120", 10240, 2048).billingTypes("prepaid_monthly");
    splynx.tariff(infinity, "INFINITY", "180", 12288, 2048).billingTypes("recurring");
    splynx.service(id + "7", id, base).starts(LocalDate.now().minusMonths(2)).login("user" + id);
    return customer;
  }
}
