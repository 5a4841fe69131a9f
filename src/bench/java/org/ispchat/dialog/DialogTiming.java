package org.ispchat.dialog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.Plan;
import org.ispchat.splynx.Session;
import org.ispchat.splynx.Subscription;
import org.ispchat.splynx.Usage;

/**
 * The dialog's own time per message, without a server and without Splynx: the unit tests' {@link
 * Bot} (the real steps, with the billing system, links, limits and journal in memory) driven in a
 * loop, each turn timed with {@link System#nanoTime()}. What it leaves out on a server: the
 * database (chat state, link, inbound and outbound rows), the HTTP calls to Splynx and the worker
 * hand-over; the customer-bot suite measures those from outside. Lives in the dialog's package
 * because Bot and FakeAccounts are package-private test classes.
 */
public final class DialogTiming {

  /** The actions timed, in the order each customer sends them: what they type. */
  public static final List<String> ACTIONS =
      List.of("menu", "account info", "balance", "plan list", "recharge");

  private static final Map<String, String> EXPECTED =
      Map.of(
          "menu", "Please choose",
          "account info", "Username:",
          "balance", "Your current balance is:",
          "plan list", "MAX",
          "recharge", "Recharge successful");

  private static final Logger QUIET = Logger.getLogger("org.ispchat");

  private final Bot bot = new Bot();
  private final List<String> customers = new ArrayList<>();
  private long cards;

  private DialogTiming(int customerCount) {
    FakeAccounts accounts = bot.accounts;
    Plan baytte = new Plan("1", "BAYTTE", 4096, 1024, new BigDecimal("50"));
    Plan max = new Plan("2", "MAX", 10240, 2048, new BigDecimal("120"));
    Plan infinity = new Plan("3", "INFINITY", 12288, 2048, new BigDecimal("180"));
    for (int i = 0; i < customerCount; i++) {
      String id = Integer.toString(1000 + i);
      String mobile = "21891" + (1_000_000 + i);
      accounts.add(id, "user" + id, "Customer " + id, mobile, "37.5");
      accounts.subscriptions.put(
          id,
          new Subscription(
              id + "7",
              id,
              baytte,
              new BigDecimal("50"),
              LocalDate.parse("2026-01-01"),
              null,
              "user" + id));
      accounts.offers.put(id + "7", List.of(max, infinity));
      accounts.usage.put(id + "7", new Usage(25L << 30, 100L << 30));
      accounts.sessions.put(
          id,
          new Session(
              true, LocalDateTime.parse("2026-11-29T08:10:00"), "10.0.0.5", 1 << 30, 1 << 20));
      customers.add(mobile);
      bot.says(mobile, "hi"); // links the chat to the account
    }
  }

  /**
   * Runs {@code warmupRounds} untimed, then {@code rounds} timed rounds; in each round every
   * customer sends every action once. Returns each action's samples in nanoseconds.
   */
  public static Map<String, long[]> run(int customerCount, int warmupRounds, int rounds) {
    // One INFO line per linked chat would bury the figures.
    QUIET.setLevel(Level.WARNING);
    DialogTiming timing = new DialogTiming(customerCount);
    for (int r = 0; r < warmupRounds; r++) {
      timing.round(null, 0);
    }
    Map<String, long[]> samples = new LinkedHashMap<>();
    for (String action : ACTIONS) {
      samples.put(action, new long[rounds * customerCount]);
    }
    for (int r = 0; r < rounds; r++) {
      timing.round(samples, r * customerCount);
    }
    return samples;
  }

  private void round(Map<String, long[]> samples, int offset) {
    for (int c = 0; c < customers.size(); c++) {
      String mobile = customers.get(c);
      for (String action : ACTIONS) {
        String words = words(action);
        long start = System.nanoTime();
        List<Reply> replies = bot.says(mobile, words);
        long took = System.nanoTime() - start;
        String said = Bot.text(replies);
        if (!said.contains(EXPECTED.get(action))) {
          throw new IllegalStateException(
              "\"" + words + "\" was answered with an unexpected reply: " + said);
        }
        if (samples != null) {
          samples.get(action)[offset + c] = took;
        }
      }
    }
  }

  private String words(String action) {
    return switch (action) {
      case "menu" -> "menu";
      case "account info" -> "1";
      case "balance" -> "3";
      case "plan list" -> "4";
      case "recharge" -> {
        String code = Long.toString(5_000_000_000L + ++cards);
        bot.accounts.cards.put(code, BigDecimal.TEN);
        yield "recharge " + code;
      }
      default -> throw new IllegalArgumentException(action);
    };
  }
}
