package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.ispchat.testing.Conversation;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.IspCustomers;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.Test;

/**
 * The customer bot through the real webhook, against the fake Splynx: what the customer reads at
 * the fake Graph API, and what Splynx was asked to do.
 */
class CustomerBotIT extends ServerTest {

  private Conversation chatWith(String mobile) {
    return new Conversation(base(), graph, mobile);
  }

  private static String rows(FakeGraphApi.Send menu) {
    return menu.body().getJsonObject("interactive").getJsonObject("action").toString();
  }

  @Test
  void aNumberStoredInLocalFormIsRecognisedAndSeesTheMenuAndBalance() {
    String mobile = IspCustomers.newMobile();
    IspCustomers.add(splynx, IspCustomers.local(mobile), "37.5");
    Conversation c = chatWith(mobile);
    FakeGraphApi.Send menu = c.say("hello");
    assertEquals("interactive", menu.type());
    assertEquals("Please choose from the options below:", menu.text());
    assertTrue(rows(menu).contains("menu.balance"), rows(menu));
    assertEquals("Your current balance is: 37.50 LYD", c.say("3").text());
  }

  @Test
  void theSecondNumberOfAFieldWithTwoIsRecognised() {
    String mobile = IspCustomers.newMobile();
    String other = IspCustomers.newMobile();
    IspCustomers.add(
        splynx, other + ", +" + mobile.substring(0, 3) + " " + mobile.substring(3), "5");
    assertEquals(
        "Your current balance is: 5.00 LYD",
        chatWith(mobile).pick("menu.balance", "Balance").text());
  }

  @Test
  void accountInfoInEnglishAndArabic() {
    String mobile = IspCustomers.newMobile();
    String id = IspCustomers.add(splynx, IspCustomers.local(mobile), "12");
    splynx.online(id, id + "7").ipv4("10.9.8.7");
    splynx.fupUsage(id + "7", 100L << 30, 25L << 30);
    Conversation c = chatWith(mobile);
    String info = c.say("1").text();
    assertTrue(info.contains("Username: user" + id), info);
    assertTrue(info.contains("Plan: BAYTTE"), info);
    assertTrue(info.contains("Speed: 4 Mbps"), info);
    assertTrue(info.contains("Balance: 12.00 LYD"), info);
    assertTrue(info.contains("Status: 🟢 Online"), info);
    assertTrue(info.contains("Data Used: 25 GB"), info);
    assertTrue(info.contains("Remaining: 75 GB"), info);
    assertFalse(info.contains("pw"), "no password leaks: " + info);
    c.say("عربي", 2);
    String arabic = c.say("١").text();
    assertTrue(arabic.contains("الباقة: BAYTTE"), arabic);
    assertTrue(arabic.contains("🟢 متصل"), arabic);
  }

  @Test
  void twoAccountsOnOneNumberAreChosenByLogin() {
    String mobile = IspCustomers.newMobile();
    String home = IspCustomers.add(splynx, IspCustomers.local(mobile), "1");
    String shop = IspCustomers.add(splynx, mobile, "2");
    Conversation c = chatWith(mobile);
    FakeGraphApi.Send which = c.say("hi");
    assertEquals(
        "This number is linked to several accounts. Which account do you want to use?",
        which.text());
    List<FakeGraphApi.Send> chosen =
        c.send(
            MetaWebhooks.buttonReply(
                mobile, MetaWebhooks.newWamid(), "account." + shop, "user" + shop, now()),
            2);
    assertEquals("Using account user" + shop + ".", chosen.get(0).text());
    assertEquals("Your current balance is: 2.00 LYD", c.say("3").text());
    assertTrue(!home.equals(shop));
  }

  @Test
  void anUnknownNumberSignsInWithThePortalLoginAndThePasswordIsNotKept() {
    String id =
        IspCustomers.customer(splynx, IspCustomers.newMobile(), "8")
            .portalPassword("s3cret-pw")
            .id();
    String mobile = IspCustomers.newMobile();
    Conversation c = chatWith(mobile);
    assertTrue(c.say("3").text().contains("couldn't find an account"));
    assertTrue(c.say("user" + id).text().contains("password"));
    List<FakeGraphApi.Send> linked = c.say("s3cret-pw", 2);
    assertTrue(linked.get(0).text().contains("linked to account user" + id), linked.get(0).text());
    assertEquals("Your current balance is: 8.00 LYD", c.say("3").text());
    List<JsonObject> in = admin().inbound(mobile);
    long forgotten = in.stream().filter(m -> m.getBoolean("text_forgotten")).count();
    assertEquals(1, forgotten, "exactly the password message lost its text: " + in);
  }

  @Test
  void fiveWrongPasswordsLockTheNumber() {
    String mobile = IspCustomers.newMobile();
    Conversation c = chatWith(mobile);
    c.say("hi");
    for (int i = 0; i < 4; i++) {
      c.say("nobody");
      assertTrue(c.say("wrong" + i).text().contains("not correct"));
    }
    c.say("nobody");
    assertTrue(c.say("wrong").text().contains("locked for one hour"));
    assertTrue(c.say("hello").text().contains("locked"));
  }

  @Test
  void rechargeRedeemsTheCardOnceAndReportsTheNewBalance() {
    String mobile = IspCustomers.newMobile();
    String id = IspCustomers.add(splynx, IspCustomers.local(mobile), "37.5");
    String code = "2026-lyd-" + id;
    splynx.refillCard(code, "10");
    Conversation c = chatWith(mobile);
    assertEquals("Recharge successful. New balance: 47.50 LYD.", c.say("recharge " + code).text());
    assertEquals(1, redeems(code));
    String other = IspCustomers.newMobile();
    IspCustomers.add(splynx, other, "0");
    assertEquals(
        "This voucher does not exist or has already been used.",
        chatWith(other).say("Recharge " + code).text());
  }

  @Test
  void theSameRechargeWebhookFiveTimesRedeemsOnce() throws Exception {
    String mobile = IspCustomers.newMobile();
    String id = IspCustomers.add(splynx, IspCustomers.local(mobile), "0");
    String code = "2026-dup-" + id;
    splynx.refillCard(code, "20");
    String body =
        MetaWebhooks.envelope(
            MetaWebhooks.text(mobile, MetaWebhooks.newWamid(), "Recharge " + code, now()));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
    try {
      for (int i = 0; i < 5; i++) {
        pool.submit(() -> meta().deliver(body));
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS);
    }
    Poll.until(
        () -> graph.acceptedTo(mobile), s -> !s.isEmpty(), Duration.ofSeconds(20), "a reply");
    Poll.holds(() -> graph.acceptedTo(mobile).size() == 1, Duration.ofSeconds(1), "one reply");
    assertEquals(
        "Recharge successful. New balance: 20.00 LYD.", graph.acceptedTo(mobile).get(0).text());
    assertEquals(1, redeems(code));
  }

  @Test
  void fiveWrongCardsLockRecharging() {
    String mobile = IspCustomers.newMobile();
    IspCustomers.add(splynx, mobile, "0");
    Conversation c = chatWith(mobile);
    for (int i = 0; i < 4; i++) {
      assertTrue(c.say("recharge 55500" + i).text().contains("does not exist"));
    }
    assertTrue(c.say("recharge 555009").text().contains("paused for one hour"));
    int before = splynx.redeemCalls().size();
    assertTrue(c.say("recharge 555010").text().contains("paused"));
    assertEquals(before, splynx.redeemCalls().size(), "no guess reaches Splynx while locked");
  }

  @Test
  void planChangeIsMadeOnceAfterConfirmAndNotOnCancel() {
    String mobile = IspCustomers.newMobile();
    String id = IspCustomers.add(splynx, mobile, "0");
    Conversation c = chatWith(mobile);
    FakeGraphApi.Send list = c.say("4");
    assertTrue(rows(list).contains("MAX — 10 Mbps — 120.00 LYD"), rows(list));
    assertFalse(
        rows(list).contains("INFINITY"), "a recurring-only plan is not offered: " + rows(list));
    c.say("1");
    assertTrue(c.say("cancel").text().contains("No change was made"));
    assertEquals(0, changes(id));
    c.say("4");
    FakeGraphApi.Send confirm = c.pick("plan." + id + "2", "MAX");
    assertEquals("interactive", confirm.type());
    assertTrue(confirm.text().contains("From: BAYTTE — 4 Mbps — 50.00 LYD"), confirm.text());
    assertEquals(0, changes(id));
    int before = c.replies().size();
    // Confirm tapped twice in a row: one change.
    c.deliver(
        MetaWebhooks.buttonReply(
            mobile, MetaWebhooks.newWamid(), "plan.confirm", "Confirm", now()));
    c.deliver(
        MetaWebhooks.buttonReply(
            mobile, MetaWebhooks.newWamid(), "plan.confirm", "Confirm", now()));
    Poll.until(
        () -> graph.acceptedTo(mobile),
        s -> s.size() >= before + 2,
        Duration.ofSeconds(20),
        "answers");
    assertTrue(graph.acceptedTo(mobile).get(before).text().contains("Your plan changes to MAX"));
    assertEquals(1, changes(id));
    assertEquals(
        1,
        splynx.servicesOf(id).stream()
            .filter(s -> s.getString("tariff_id").equals(id + "2"))
            .count());
  }

  @Test
  void supportKeywordsAnswerFromTheRules() {
    String mobile = IspCustomers.newMobile();
    IspCustomers.add(splynx, mobile, "0");
    Conversation c = chatWith(mobile);
    assertEquals(
        "Please call 091-000-0000 or reply \"agent\" to speak with a representative.",
        c.say("support").text());
    assertTrue(c.say("my internet is slow").text().startsWith("Try restarting your router"));
    assertTrue(
        c.say("النت بطيء").text().contains("الراوتر"), "an Arabic keyword in an English chat");
    c.say("عربي", 2);
    assertTrue(c.say("في مشكلة في النت").text().contains("الراوتر"));
  }

  @Test
  void handOffBothWaysAndBackToTheBot() {
    String mobile = IspCustomers.newMobile();
    String id = IspCustomers.add(splynx, mobile, "0");
    Conversation c = chatWith(mobile);
    c.say("my router blinks red");
    String opened = c.say("agent").text();
    assertTrue(opened.contains("support team"), opened);
    JsonObject ticket =
        Poll.until(
                () ->
                    splynx.ticketsCreated().stream()
                        .filter(t -> id.equals(t.getString("customer_id", "")))
                        .toList(),
                t -> !t.isEmpty(),
                Duration.ofSeconds(10),
                "a ticket")
            .get(0);
    String ticketId = ticket.getString("id");
    assertTrue(
        splynx.ticketMessages(ticketId).toString().contains("my router blinks red"),
        "the ticket carries the conversation: " + splynx.ticketMessages(ticketId));
    c.sayNothingBack("it is still red", admin());
    assertTrue(splynx.ticketMessages(ticketId).toString().contains("it is still red"));
    splynx.agentReplies(ticketId, "<p>Please unplug it for 10 seconds.</p>");
    FakeGraphApi.Send agent =
        Poll.until(
                () -> graph.acceptedTo(mobile),
                s -> s.size() >= 3,
                Duration.ofSeconds(30),
                "the agent's reply")
            .get(2);
    assertEquals("👤 Please unplug it for 10 seconds.", agent.text());
    splynx.closeTicket(ticketId);
    FakeGraphApi.Send back =
        Poll.until(
                () -> graph.acceptedTo(mobile),
                s -> s.size() >= 4,
                Duration.ofSeconds(30),
                "the bot is back")
            .get(3);
    assertTrue(back.text().contains("closed"), back.text());
    assertEquals("Your current balance is: 0.00 LYD", c.say("3").text());
  }

  @Test
  void splynxDownIsToldWithinTenSecondsAndTheMenuStillAnswers() {
    String mobile = IspCustomers.newMobile();
    IspCustomers.add(splynx, mobile, "0");
    Conversation c = chatWith(mobile);
    c.say("hi");
    try {
      splynx.failOn("GET", "admin/customers/billing-info", 500);
      splynx.failOn("GET", "admin/customers/customer-billing", 500);
      long start = System.nanoTime();
      assertEquals(
          "Our account system is temporarily unavailable. Please try again shortly.",
          c.say("3").text());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
      assertEquals("interactive", c.say("menu").type());
    } finally {
      splynx.clearFaults();
    }
    recovered(c, "0.00");
  }

  @Test
  void splynxSlowIsToldWithinTenSeconds() {
    String mobile = IspCustomers.newMobile();
    IspCustomers.add(splynx, mobile, "0");
    Conversation c = chatWith(mobile);
    c.say("hi");
    try {
      splynx.latency(Duration.ofSeconds(8));
      long start = System.nanoTime();
      assertEquals(
          "Our account system is temporarily unavailable. Please try again shortly.",
          c.say("3").text());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
    } finally {
      splynx.latency(Duration.ZERO);
    }
    recovered(c, "0.00");
  }

  /** Splynx is well again: once the breaker lets calls through, the balance is answered. */
  private static void recovered(Conversation c, String balance) {
    Poll.until(
        () -> c.say("3").text(),
        t -> t.equals("Your current balance is: " + balance + " LYD"),
        Duration.ofSeconds(30),
        "Splynx answering again");
  }

  @Test
  void anExpiredTokenIsRenewedAndTheAnswerStillComes() {
    String mobile = IspCustomers.newMobile();
    IspCustomers.add(splynx, mobile, "3");
    Conversation c = chatWith(mobile);
    c.say("hi");
    long before = splynx.tokenRenewals() + splynx.tokensCreated();
    splynx.advance(Duration.ofMinutes(31));
    assertEquals("Your current balance is: 3.00 LYD", c.say("3").text());
    assertTrue(splynx.tokenRenewals() + splynx.tokensCreated() > before);
  }

  private long redeems(String code) {
    return splynx.redeemCalls().stream().filter(r -> code.equals(r.field("code"))).count();
  }

  private long changes(String customerId) {
    return splynx.changeTariffCalls().stream()
        .filter(r -> r.path().contains("change-tariff/" + customerId + "7"))
        .count();
  }
}
