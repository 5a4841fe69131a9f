package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.ispchat.testing.Conversation;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.FakeSplynx;
import org.ispchat.testing.IspCustomers;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.PayaraProcess;
import org.ispchat.testing.Poll;
import org.ispchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A node dies between Splynx redeeming a refill card and the commit of the turn that asked for it:
 * Splynx has taken the card, ispchat has recorded only that it was about to ask. The node started
 * again on the same database answers the stored message, finds the redemption in Splynx instead of
 * redeeming again, and tells the customer their new balance. Its signed requests (signature mode, a
 * nonce from the clock) are accepted by a Splynx that refuses any nonce not above the last.
 */
class PayaraSplynxCrashIT {

  private static final int PORT = Integer.getInteger("it.http.port", 18080) + 8;
  private static final int GRAPH_PORT = Integer.getInteger("it.fake.port", 18090) + 7;
  private static final int SPLYNX_PORT = Integer.getInteger("it.fake.port", 18090) + 8;

  @Test
  void aNodeKilledAfterSplynxRedeemedDoesNotRedeemAgainAndStillTellsTheCustomer() throws Exception {
    FakeGraphApi graph = FakeGraphApi.on(GRAPH_PORT);
    try (FakeSplynx splynx = FakeSplynx.start(SPLYNX_PORT);
        TestDatabase db = TestDatabase.forOneNode("splynx-crash")) {
      Map<String, String> settings = PayaraProcess.settings(db, GRAPH_PORT);
      settings.put("splynx.url", splynx.url().toString());
      settings.put("splynx.api-key", FakeSplynx.KEY);
      settings.put("splynx.api-secret", FakeSplynx.SECRET);
      settings.put("splynx.auth", "signature");
      // Two Splynx calls at once at most: the burst below finds the bulkhead full.
      settings.put("org.ispchat.splynx.SplynxGate/Bulkhead/value", "2");
      String mobile = IspCustomers.newMobile();
      String id = IspCustomers.add(splynx, IspCustomers.local(mobile), "37.5");
      String code = "202611-lyd-" + id;
      splynx.refillCard(code, "10");

      PayaraProcess first = PayaraProcess.start("splynx-crash", PORT, settings);
      try {
        Conversation c = new Conversation(first.base(), graph, mobile);
        assertEquals("Please choose from the options below:", c.say("hi").text());
        splynx.holdAfter("PUT", "admin/finance/refill-cards");
        c.deliver(MetaWebhooks.text(mobile, MetaWebhooks.newWamid(), "Recharge " + code, now()));
        Poll.until(() -> redeems(splynx, code) == 1, Duration.ofSeconds(30), "the redeem call");
      } finally {
        first.kill();
      }
      assertEquals(1, graph.acceptedTo(mobile).size(), "no answer before the kill");
      long rejectedBefore = splynx.nonceRejections();

      try (PayaraProcess second = PayaraProcess.start("splynx-crash", PORT, settings)) {
        FakeGraphApi.Send told =
            Poll.until(
                    () -> graph.acceptedTo(mobile),
                    s -> s.size() >= 2,
                    Duration.ofSeconds(60),
                    "the recharge answered by the new node")
                .get(1);
        assertEquals("Recharge successful. New balance: 47.50 LYD.", told.text());
        assertEquals(1, redeems(splynx, code), "Splynx was asked to redeem once");
        Conversation c = new Conversation(second.base(), graph, mobile);
        assertEquals("Your current balance is: 47.50 LYD", c.say("3").text());
        assertEquals(
            rejectedBefore,
            splynx.nonceRejections(),
            "the restarted node's nonces are above the first node's");
        Poll.holds(
            () -> graph.acceptedTo(mobile).size() == 3, Duration.ofSeconds(2), "nothing twice");
        aBurstThatFindsTheBulkheadFullIsPutOffNotRefused(second, graph, splynx);
      }
    } finally {
      graph.stop();
    }
  }

  /**
   * Ten linked customers ask their balance at once of a Splynx answering in 300 ms, through a
   * bulkhead of two: the turns that find it full are put off (chat.AnswerLater) and answered
   * moments later, every one with the balance, none with "try again" (without the put-off, eight of
   * the ten would find the bulkhead full).
   */
  private static void aBurstThatFindsTheBulkheadFullIsPutOffNotRefused(
      PayaraProcess node, FakeGraphApi graph, FakeSplynx splynx) throws Exception {
    java.util.List<Conversation> customers = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String mobile = IspCustomers.newMobile();
      IspCustomers.add(splynx, mobile, "1" + i);
      Conversation c = new Conversation(node.base(), graph, mobile);
      c.say("hi");
      customers.add(c);
    }
    splynx.latency(Duration.ofMillis(300));
    try {
      for (Conversation c : customers) {
        c.deliver(MetaWebhooks.text(c.customer(), MetaWebhooks.newWamid(), "3", now()));
      }
      for (int i = 0; i < customers.size(); i++) {
        Conversation c = customers.get(i);
        FakeGraphApi.Send balance =
            Poll.until(c::replies, r -> r.size() >= 2, Duration.ofSeconds(30), "a balance").get(1);
        assertEquals("Your current balance is: 1" + i + ".00 LYD", balance.text());
      }
    } finally {
      splynx.latency(Duration.ZERO);
    }
  }

  private static long redeems(FakeSplynx splynx, String code) {
    return splynx.redeemCalls().stream().filter(r -> code.equals(r.field("code"))).count();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
