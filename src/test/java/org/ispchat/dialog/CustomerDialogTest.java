package org.ispchat.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.ispchat.chat.AnswerLater;
import org.ispchat.chat.InboundKind;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.AccountChange;
import org.ispchat.splynx.Plan;
import org.ispchat.splynx.Session;
import org.ispchat.splynx.SplynxAccounts;
import org.ispchat.splynx.SplynxBusy;
import org.ispchat.splynx.Subscription;
import org.ispchat.splynx.Usage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer bot's steps, driven without a server (see {@link Bot}). */
class CustomerDialogTest {

  static final String AHMED = "218912345678";
  static final String STRANGER = "218930000000";

  private Bot bot;
  private FakeAccounts splynx;

  @BeforeEach
  void ispWithOneCustomer() {
    bot = new Bot();
    splynx = bot.accounts;
    splynx.add("7", "ahmed", "Ahmed Ali", AHMED, "37.5");
    Plan baytte = new Plan("1", "BAYTTE", 4096, 1024, new BigDecimal("50"));
    Plan max = new Plan("2", "MAX", 10240, 2048, new BigDecimal("120"));
    Plan infinity = new Plan("3", "INFINITY", 12288, 2048, new BigDecimal("180"));
    Subscription s =
        new Subscription(
            "77", "7", baytte, new BigDecimal("50"), LocalDate.parse("2026-01-01"), null, "ahmed");
    splynx.subscriptions.put("7", s);
    splynx.offers.put("77", List.of(max, infinity));
    splynx.usage.put("77", new Usage(12L * 1024 * 1024 * 1024, 88L * 1024 * 1024 * 1024));
    splynx.sessions.put(
        "7",
        new Session(
            true, LocalDateTime.parse("2026-11-29T08:10:00"), "10.0.0.5", 1 << 30, 1 << 20));
    splynx.cards.put("1234567890", new BigDecimal("10"));
  }

  @Test
  void aKnownNumberGetsTheMainMenuAsAList() {
    Reply.Menu menu = assertInstanceOf(Reply.Menu.class, bot.says(AHMED, "hello").get(0));
    assertEquals(
        List.of("menu.account", "menu.recharge", "menu.balance", "menu.plan", "menu.support"),
        menu.options().stream().map(Reply.Option::id).toList());
  }

  @Test
  void stopEndsRemindersForAnyNumberAndStartResumesThem() {
    assertEquals(
        "You will no longer receive payment reminders, invoices or overdue notices on WhatsApp."
            + " Payment confirmations still come. Send START to receive them again.\n",
        Bot.text(bot.says(STRANGER, "STOP")));
    assertTrue(bot.optOuts.optedOut(STRANGER), "an unknown number may opt out too");
    assertTrue(
        Bot.text(bot.says(STRANGER, "stop")).startsWith("You had already stopped"),
        "a second STOP says so rather than confirming again");
    assertTrue(Bot.text(bot.says(STRANGER, "Start")).startsWith("Payment reminders, invoices"));
    assertFalse(bot.optOuts.optedOut(STRANGER));
  }

  @Test
  void arabicStopAndStartAnswerInArabic() {
    assertTrue(Bot.text(bot.says(AHMED, "إيقاف")).startsWith("لن تصلك بعد الآن"));
    assertTrue(bot.optOuts.optedOut(AHMED));
    assertTrue(Bot.text(bot.says(AHMED, "ابدأ")).startsWith("تم تفعيل"));
    assertFalse(bot.optOuts.optedOut(AHMED));
  }

  @Test
  void balanceIsWordedAsTheContractSays() {
    assertEquals("Your current balance is: 37.50 LYD\n", Bot.text(bot.says(AHMED, "3")));
  }

  @Test
  void arabicIndicDigitsAndListRowsWorkLikeTypedNumbers() {
    String viaDigit = Bot.text(bot.says(AHMED, "٣"));
    assertTrue(viaDigit.contains("37.50 LYD"), viaDigit);
    String viaRow = Bot.text(bot.taps(AHMED, "Balance", "menu.balance"));
    assertTrue(viaRow.contains("37.50 LYD"), viaRow);
  }

  @Test
  void accountInfoShowsEveryFieldInReadableUnitsWithAtMostFourCalls() {
    bot.says(AHMED, "hi");
    int before = splynx.totalCalls();
    String info = Bot.text(bot.says(AHMED, "1"));
    assertTrue(info.contains("Username: ahmed"), info);
    assertTrue(info.contains("Name: Ahmed Ali"), info);
    assertTrue(info.contains("Plan: BAYTTE"), info);
    assertTrue(info.contains("Expiry Date: 31 December 2026"), info);
    assertTrue(info.contains("Speed: 4 Mbps"), info);
    assertTrue(info.contains("Balance: 37.50 LYD"), info);
    assertTrue(info.contains("Status: 🟢 Online"), info);
    assertTrue(info.contains("Data Used: 12 GB"), info);
    assertTrue(info.contains("Remaining: 88 GB"), info);
    assertTrue(splynx.totalCalls() - before <= 4, "calls: " + splynx.calls);
  }

  @Test
  void accountInfoInArabic() {
    bot.says(AHMED, "مرحبا");
    String info = Bot.text(bot.says(AHMED, "١"));
    assertTrue(info.contains("اسم المستخدم: ahmed"), info);
    assertTrue(info.contains("ديسمبر"), info);
    assertTrue(info.contains("🟢 متصل"), info);
  }

  @Test
  void unlimitedPlanShowsUnlimited() {
    splynx.usage.put("77", new Usage(5L << 30, null));
    assertTrue(Bot.text(bot.says(AHMED, "1")).contains("Remaining: Unlimited"));
  }

  @Test
  void rechargeAnywhereRedeemsOnceAndReportsTheNewBalance() {
    assertEquals(
        "Recharge successful. New balance: 47.50 LYD.\n",
        Bot.text(bot.says(AHMED, "RECHARGE 1234567890")));
    assertEquals(1, splynx.calls("recharge"));
    assertEquals(
        "This voucher has already been added to your account. Your balance is: 47.50 LYD.\n",
        Bot.text(bot.says(AHMED, "recharge 1234567890")));
    splynx.add("9", "omar", "Omar", "218921111111", "0");
    assertEquals(
        "This voucher does not exist or has already been used.\n",
        Bot.text(bot.says("218921111111", "Recharge 1234567890")));
  }

  @Test
  void rechargeFromTheMenuAsksForTheCode() {
    assertTrue(Bot.text(bot.says(AHMED, "2")).contains("voucher code"));
    assertTrue(Bot.text(bot.says(AHMED, "1234567890")).contains("47.50 LYD"));
  }

  @Test
  void fiveWrongCardsLockRechargesForAnHour() {
    for (int i = 1; i <= 4; i++) {
      assertTrue(Bot.text(bot.says(AHMED, "recharge 99999" + i)).contains("does not exist"));
    }
    assertTrue(Bot.text(bot.says(AHMED, "recharge 999995")).contains("paused for one hour"));
    assertTrue(Bot.text(bot.says(AHMED, "recharge 1234567890")).contains("paused"));
    assertEquals(5, splynx.calls("recharge"), "no call while locked");
    bot.clock.advance(Duration.ofMinutes(61));
    assertTrue(Bot.text(bot.says(AHMED, "recharge 1234567890")).contains("47.50"));
  }

  @Test
  void theSameRequestRetriedAfterACrashIsNotRedeemedTwice() {
    // The first attempt reached Splynx, then the node died before the turn committed: the
    // journal row is STARTED and the card is used by this account.
    bot.says(AHMED, "hi");
    var account = splynx.accounts.get("7");
    splynx.recharge(account, "1234567890", "ispchat-99");
    bot.journal.start("ispchat-99", AccountChange.Kind.RECHARGE, "7", "x", "card");
    var changes = bot.journal.changes(splynx);
    var again = changes.recharge(account, "1234567890", "ispchat-99", "x");
    assertEquals(new BigDecimal("47.5"), again.newBalance());
    assertEquals(1, splynx.calls("recharge"));
    assertEquals(AccountChange.Status.DONE, bot.journal.rows.get("ispchat-99").status());
  }

  @Test
  void planChangeListsOfferedPlansAndChangesOnlyAfterConfirm() {
    Reply.Menu list = assertInstanceOf(Reply.Menu.class, bot.says(AHMED, "4").get(0));
    assertEquals(
        List.of("plan.2", "plan.3"), list.options().stream().map(Reply.Option::id).toList());
    assertEquals("MAX — 10 Mbps — 120.00 LYD", list.options().get(0).description());
    Reply.Buttons confirm =
        assertInstanceOf(Reply.Buttons.class, bot.taps(AHMED, "MAX", "plan.2").get(0));
    assertTrue(confirm.body().contains("From: BAYTTE — 4 Mbps — 50.00 LYD"), confirm.body());
    assertTrue(confirm.body().contains("To: MAX — 10 Mbps — 120.00 LYD"), confirm.body());
    assertTrue(confirm.body().contains("1 December 2026"), confirm.body());
    assertEquals(0, splynx.calls("changePlan"));
    String done = Bot.text(bot.taps(AHMED, "Confirm", "plan.confirm"));
    assertTrue(done.contains("Your plan changes to MAX on 1 December 2026"), done);
    assertEquals(List.of("77->2@2026-12-01"), splynx.planChanges);
    bot.taps(AHMED, "Confirm", "plan.confirm");
    assertEquals(1, splynx.calls("changePlan"), "a second tap changes nothing");
  }

  @Test
  void planChangeCancelledChangesNothing() {
    bot.says(AHMED, "4");
    bot.says(AHMED, "2");
    assertTrue(Bot.text(bot.says(AHMED, "no")).contains("No change was made"));
    assertEquals(0, splynx.calls("changePlan"));
  }

  @Test
  void planChangeConfirmedWithTypedArabicYes() {
    bot.says(AHMED, "مرحبا");
    bot.says(AHMED, "٤");
    bot.says(AHMED, "1");
    assertTrue(Bot.text(bot.says(AHMED, "نعم")).contains("ستتغير باقتك إلى MAX"));
  }

  @Test
  void supportKeywordsGetTheRulesReplies() {
    assertTrue(Bot.text(bot.says(AHMED, "5")).contains("agent"));
    assertEquals(
        "Please call 091-000-0000 or reply \"agent\" to speak with a representative.\n",
        Bot.text(bot.says(AHMED, "support")));
    assertTrue(Bot.text(bot.says(AHMED, "my internet is slow")).startsWith("Try restarting"));
  }

  @Test
  void testReportsTheLine() {
    String online = Bot.text(bot.says(AHMED, "test"));
    assertTrue(online.contains("online") && online.contains("10.0.0.5"), online);
    splynx.sessions.remove("7");
    assertTrue(Bot.text(bot.says(AHMED, "test")).contains("offline"));
  }

  @Test
  void agentHandsOffAndTheBotStaysSilentUntilMenu() {
    String opened = Bot.text(bot.says(AHMED, "agent"));
    assertTrue(opened.contains("ticket #1"), opened);
    assertEquals(List.of(), bot.says(AHMED, "my router is blinking red"));
    assertEquals(1, splynx.calls("addToTicket"));
    assertEquals(List.of(), bot.says(AHMED, "3"), "even menu numbers go to the person");
    String back = Bot.text(bot.says(AHMED, "menu"));
    assertTrue(back.contains("back with the bot"), back);
    assertTrue(Bot.text(bot.says(AHMED, "3")).contains("balance"));
  }

  @Test
  void menuWordsReturnFromAnywhere() {
    bot.says(AHMED, "4");
    assertInstanceOf(Reply.Menu.class, bot.says(AHMED, "قائمة").get(0));
    bot.says(AHMED, "4");
    assertInstanceOf(Reply.Menu.class, bot.says(AHMED, "0").get(0));
  }

  @Test
  void unknownInputGetsAHintAndTheMenu() {
    bot.says(AHMED, "hi");
    List<Reply> r = bot.says(AHMED, "what is the meaning of life");
    assertTrue(r.get(0).asText().startsWith("Sorry, I didn't understand"));
    assertInstanceOf(Reply.Menu.class, r.get(1));
  }

  @Test
  void anIdleSessionStartsOver() {
    bot.says(AHMED, "4");
    bot.clock.advance(Duration.ofMinutes(31));
    String r = Bot.text(bot.says(AHMED, "1"));
    assertTrue(r.contains("Username: ahmed"), "1 means the menu's option again: " + r);
  }

  @Test
  void languageIsSwitchableAndRemembered() {
    bot.says(AHMED, "hi");
    assertTrue(Bot.text(bot.says(AHMED, "عربي")).contains("بالعربية"));
    assertTrue(Bot.text(bot.says(AHMED, "3")).contains("رصيدك الحالي"));
    assertTrue(Bot.text(bot.says(AHMED, "English")).contains("English"));
    assertTrue(Bot.text(bot.says(AHMED, "3")).contains("Your current balance"));
  }

  @Test
  void anUnknownNumberSeesNoAccountDataAndMaySignIn() {
    splynx.passwords.put("7", "secret");
    String offer = Bot.text(bot.says(STRANGER, "3"));
    assertTrue(offer.contains("couldn't find an account"), offer);
    assertFalse(offer.contains("37.50"));
    assertTrue(Bot.text(bot.says(STRANGER, "ahmed")).contains("password"));
    String linked = Bot.text(bot.says(STRANGER, "secret"));
    assertTrue(linked.contains("linked to account ahmed"), linked);
    assertTrue(Bot.text(bot.says(STRANGER, "3")).contains("37.50 LYD"));
  }

  @Test
  void fiveWrongPasswordsLockTheNumberForAnHour() {
    splynx.passwords.put("7", "secret");
    bot.says(STRANGER, "hi");
    for (int i = 0; i < 4; i++) {
      bot.says(STRANGER, "ahmed");
      assertTrue(Bot.text(bot.says(STRANGER, "wrong")).contains("not correct"));
    }
    bot.says(STRANGER, "ahmed");
    assertTrue(Bot.text(bot.says(STRANGER, "wrong")).contains("locked for one hour"));
    assertTrue(Bot.text(bot.says(STRANGER, "hi")).contains("locked"));
    assertEquals(5, splynx.calls("signIn"));
  }

  @Test
  void theUnknownNumberStillGetsAutoRepliesAndTheSignInWaitsForTheLogin() {
    splynx.passwords.put("7", "secret");
    assertTrue(Bot.text(bot.says(STRANGER, "hi")).contains("couldn't find an account"));
    assertTrue(Bot.text(bot.says(STRANGER, "support")).contains("091-000-0000"));
    assertTrue(Bot.text(bot.says(STRANGER, "ahmed")).contains("password"));
    assertTrue(Bot.text(bot.says(STRANGER, "secret")).contains("linked to account ahmed"));
  }

  @Test
  void severalAccountsOnOneNumberAreChosenByLoginAndRemembered() {
    splynx.add("8", "ahmed-shop", "Ahmed's shop", AHMED, "5");
    Reply.Buttons which = assertInstanceOf(Reply.Buttons.class, bot.says(AHMED, "hi").get(0));
    assertEquals(
        List.of("ahmed", "ahmed-shop"), which.options().stream().map(Reply.Option::title).toList());
    assertTrue(Bot.text(bot.says(AHMED, "ahmed-shop")).contains("Using account ahmed-shop"));
    assertTrue(Bot.text(bot.says(AHMED, "3")).contains("5.00 LYD"));
  }

  @Test
  void aLinkTheBillingSystemNoLongerConfirmsIsDropped() {
    bot.says(AHMED, "hi");
    splynx.phones.clear();
    bot.clock.advance(Duration.ofMinutes(16));
    String r = Bot.text(bot.says(AHMED, "3"));
    assertTrue(r.contains("couldn't find an account"), r);
  }

  @Test
  void splynxDownGivesTheTemporarilyUnavailableText() {
    bot.says(AHMED, "hi");
    splynx.down = true;
    assertEquals(
        "Our account system is temporarily unavailable. Please try again shortly.\n",
        Bot.text(bot.says(AHMED, "3")));
    assertInstanceOf(Reply.Menu.class, bot.says(AHMED, "menu").get(0), "the menu needs no Splynx");
  }

  @Test
  void aFullBulkheadPutsTheMessageOffInsteadOfRefusing() {
    bot.says(AHMED, "hi");
    SplynxAccounts busy =
        (SplynxAccounts)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {SplynxAccounts.class},
                (p, m, a) -> {
                  throw new SplynxBusy("bulkhead full");
                });
    ((BalanceStep) stepOf("balance")).accounts = busy;
    assertThrows(AnswerLater.class, () -> bot.says(AHMED, "3"));
  }

  @Test
  void mediaGetsTextOnly() {
    assertTrue(Bot.text(bot.answer(AHMED, InboundKind.MEDIA, null, null)).contains("text only"));
  }

  private Step stepOf(String name) {
    return bot.dialog.stepsByName().get(name);
  }
}
