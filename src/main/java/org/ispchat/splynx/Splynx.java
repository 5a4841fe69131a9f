package org.ispchat.splynx;

import static org.ispchat.splynx.SplynxJson.date;
import static org.ispchat.splynx.SplynxJson.dateTime;
import static org.ispchat.splynx.SplynxJson.decimal;
import static org.ispchat.splynx.SplynxJson.flag;
import static org.ispchat.splynx.SplynxJson.text;
import static org.ispchat.splynx.SplynxJson.whole;
import static org.ispchat.splynx.SplynxJson.words;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Splynx's resources as its API names them, read leniently from JSON (see {@link SplynxJson}). Only
 * the fields ispchat uses; the Java names are Splynx's in camel case, the JSON names are quoted in
 * each {@code from}. These records never leave the package: {@link LiveAccounts} turns them into
 * the ISP's words.
 */
final class Splynx {

  private Splynx() {}

  /** {@code admin/customers/customer}. The {@code password} field is deliberately not read. */
  record Customer(
      String id,
      String login,
      String name,
      String phone,
      String status,
      String billingType,
      String partnerId) {
    static Customer from(JsonObject o) {
      return new Customer(
          text(o, "id"),
          text(o, "login"),
          text(o, "name"),
          text(o, "phone"),
          text(o, "status"),
          text(o, "billing_type"),
          text(o, "partner_id"));
    }
  }

  /** {@code admin/customers/customer-billing/{id}}: {@code deposit} is the balance. */
  record CustomerBilling(String customerId, BigDecimal deposit) {
    static CustomerBilling from(JsonObject o) {
      return new CustomerBilling(text(o, "customer_id"), decimal(o, "deposit"));
    }
  }

  /** {@code admin/customers/billing-info/{id}}: fields differ per billing type. */
  record BillingInfo(BigDecimal deposit, LocalDate blockingDate) {
    static BillingInfo from(JsonObject o) {
      return new BillingInfo(decimal(o, "deposit"), date(o, "blocking_date"));
    }
  }

  /** {@code admin/customers/customer/{cid}/internet-services}. */
  record InternetService(
      String id,
      String customerId,
      String tariffId,
      String status,
      String description,
      BigDecimal unitPrice,
      LocalDate startDate,
      LocalDate endDate,
      String login) {
    static InternetService from(JsonObject o) {
      return new InternetService(
          text(o, "id"),
          text(o, "customer_id"),
          text(o, "tariff_id"),
          text(o, "status"),
          text(o, "description"),
          decimal(o, "unit_price"),
          date(o, "start_date"),
          date(o, "end_date"),
          text(o, "login"));
    }
  }

  /** {@code admin/tariffs/internet/{id}} and the items of {@code tariffs-for-change}. */
  record InternetTariff(
      String id,
      String title,
      BigDecimal price,
      long speedDownload,
      long speedUpload,
      List<String> billingTypes) {
    static InternetTariff from(JsonObject o) {
      return new InternetTariff(
          text(o, "id"),
          text(o, "title"),
          decimal(o, "price"),
          whole(o, "speed_download", 0),
          whole(o, "speed_upload", 0),
          words(o, "billing_types"));
    }
  }

  /** {@code admin/fup/usage/{sid}}: bytes; {@code traffic_amount} 0 when there is no cap. */
  record FupUsage(long trafficAmount, long usedAmount, Long remainsAmount) {
    static FupUsage from(JsonObject o) {
      long remains = whole(o, "remains_amount", -1);
      return new FupUsage(
          whole(o, "traffic_amount", 0), whole(o, "used_amount", 0), remains < 0 ? null : remains);
    }
  }

  /** An item of {@code admin/customers/customer-traffic-counter}: bytes of one day. */
  record TrafficCounter(String serviceId, LocalDate date, long up, long down) {
    static TrafficCounter from(JsonObject o) {
      return new TrafficCounter(
          text(o, "service_id"),
          SplynxJson.date(o, "date"),
          whole(o, "up", 0),
          whole(o, "down", 0));
    }
  }

  /** An item of {@code admin/customers/customers-online}: one live session. */
  record CustomerOnline(
      String customerId,
      String serviceId,
      LocalDateTime startSession,
      String ipv4,
      long inBytes,
      long outBytes) {
    static CustomerOnline from(JsonObject o) {
      return new CustomerOnline(
          text(o, "customer_id"),
          text(o, "service_id"),
          dateTime(text(o, "start_session")),
          text(o, "ipv4"),
          whole(o, "in_bytes", 0),
          whole(o, "out_bytes", 0));
    }
  }

  /** {@code GET admin/tariffs/change-tariff/{sid}?type=internet}. */
  record ChangeTariff(LocalDate targetDate) {
    static ChangeTariff from(JsonObject o) {
      return new ChangeTariff(date(o, "target_date"));
    }
  }

  /** A card in {@code admin/finance/refill-cards-series/{serie}}. */
  record RefillCard(String id, String fullCode, String status, String customerId) {
    static RefillCard from(JsonObject o) {
      String code = text(o, "full_code");
      return new RefillCard(
          text(o, "id"),
          code.isEmpty() ? text(o, "code") : code,
          text(o, "status"),
          text(o, "customer_id"));
    }
  }

  /** {@code admin/finance/payments}. */
  record Payment(String id, String customerId, LocalDate date, BigDecimal amount, String comment) {
    static Payment from(JsonObject o) {
      return new Payment(
          text(o, "id"),
          text(o, "customer_id"),
          SplynxJson.date(o, "date"),
          decimal(o, "amount"),
          text(o, "comment"));
    }
  }

  /** {@code admin/support/tickets}. */
  record SupportTicket(String id, String customerId, String subject, boolean closed) {
    static SupportTicket from(JsonObject o) {
      return new SupportTicket(
          text(o, "id"), text(o, "customer_id"), text(o, "subject"), flag(o, "closed"));
    }
  }

  /** {@code admin/support/ticket-messages}. */
  record TicketMessage(
      String id,
      String ticketId,
      String message,
      String messageType,
      String authorType,
      boolean hideForCustomer,
      LocalDateTime at) {
    static TicketMessage from(JsonObject o) {
      String date = text(o, "date").strip();
      String time = text(o, "time").strip();
      return new TicketMessage(
          text(o, "id"),
          text(o, "ticket_id"),
          text(o, "message"),
          text(o, "message_type"),
          text(o, "author_type"),
          flag(o, "hide_for_customer") || flag(o, "hidden_for_customer"),
          dateTime(time.isEmpty() ? date : date + " " + time));
    }
  }

  /** {@code admin/support/tickets-types}. */
  record TicketType(String id, String title) {
    static TicketType from(JsonObject o) {
      return new TicketType(text(o, "id"), text(o, "title"));
    }
  }

  /**
   * The answer of {@code POST admin/auth/tokens} and of its renewal; expirations in Unix seconds.
   */
  record AuthToken(
      String accessToken,
      long accessTokenExpiration,
      String refreshToken,
      long refreshTokenExpiration) {
    static AuthToken from(JsonObject o) {
      return new AuthToken(
          text(o, "access_token"),
          whole(o, "access_token_expiration", 0),
          text(o, "refresh_token"),
          whole(o, "refresh_token_expiration", 0));
    }

    @Override
    public String toString() {
      return "AuthToken[expires " + accessTokenExpiration + "]";
    }
  }
}
