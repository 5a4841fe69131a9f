package org.ispchat.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.ispchat.testing.MetaWebhooks;

/**
 * Webhook deliveries shaped like Meta's traffic to a busy number: for every customer message, one
 * inbound text and three status callbacks (sent, delivered, read) for a reply. Every inbound
 * message has a wamid of its own, and senders are drawn from a large pool of customers so that
 * answering them is not serialised on a few chats. The statuses name wamids ispchat never sent: it
 * stores them and gives up matching them later, as it would for another system's messages on its
 * number.
 */
final class MetaTraffic {

  static final String APP_SECRET = "bench-app-secret";
  static final String PHONE_NUMBER_ID = MetaWebhooks.PHONE_NUMBER_ID;

  /** One signed delivery; {@code inboundText} ones are owed a reply by ispchat. */
  record Delivery(byte[] body, String signature, boolean inboundText) {}

  /**
   * A body in Meta's shape, made once by the test suite's MetaWebhooks with markers where the
   * wamid, the customer's number and the time go, and filled per delivery. Building each body with
   * the JSON builders costs ~0.35 ms of CPU here (every builder looks its provider up again), CPU
   * the server under test would not get.
   */
  private record Template(String json) {
    private static final String WAMID = "wamid.MARKER";
    private static final String NUMBER = "999999999999";
    private static final long TIME = 1111111111L;

    static Template text() {
      return new Template(MetaWebhooks.envelope(MetaWebhooks.text(NUMBER, WAMID, "Hello", TIME)));
    }

    static Template status(String status) {
      return new Template(
          MetaWebhooks.envelope(
              List.of(), List.of(MetaWebhooks.status(WAMID, status, TIME, NUMBER))));
    }

    String fill(String wamid, String number) {
      return json.replace(WAMID, wamid)
          .replace(NUMBER, number)
          .replace("\"" + TIME + "\"", "\"" + System.currentTimeMillis() / 1000 + "\"");
    }
  }

  private static final Template TEXT = Template.text();
  private static final Template SENT = Template.status("sent");
  private static final Template DELIVERED = Template.status("delivered");
  private static final Template READ = Template.status("read");

  private final String[] customers;
  // Keeps wamids unique across runs that share a database directory.
  private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
  private final AtomicLong wamids = new AtomicLong();
  private final AtomicLong newCustomers = new AtomicLong();

  MetaTraffic(int customerCount) {
    // Seeded: every run spreads its messages over the same numbers.
    Random random = new Random(42);
    Set<String> pool = new LinkedHashSet<>();
    while (pool.size() < customerCount) {
      pool.add("2189" + (10_000_000 + random.nextInt(90_000_000)));
    }
    customers = pool.toArray(String[]::new);
  }

  /** A cycle through the mix for one sender thread (not thread-safe). */
  Mix mix() {
    return new Mix();
  }

  final class Mix {
    private long step;
    private String customer;
    private String reply;

    Delivery next() {
      return switch ((int) (step++ % 4)) {
        case 0 -> {
          customer = customers[ThreadLocalRandom.current().nextInt(customers.length)];
          reply = wamid("OUT");
          yield text(customer);
        }
        case 1 -> signed(SENT.fill(reply, customer), false);
        case 2 -> signed(DELIVERED.fill(reply, customer), false);
        default -> signed(READ.fill(reply, customer), false);
      };
    }
  }

  /**
   * A customer number outside the pool and never used before in this run, so the one reply it gets
   * can only be the answer to the message sent from it.
   */
  String newCustomer() {
    return "2188" + (10_000_000 + newCustomers.incrementAndGet());
  }

  Delivery text(String from) {
    return signed(TEXT.fill(wamid("IN"), from), true);
  }

  /**
   * A text with words of the caller's choosing (the customer-bot suite: "3", "menu"), built with
   * the JSON builders: slower than the templates, which is fine for one message at a time.
   */
  Delivery says(String from, String words) {
    String json =
        MetaWebhooks.envelope(
            MetaWebhooks.text(from, wamid("IN"), words, System.currentTimeMillis() / 1000));
    return signed(json, true);
  }

  /** A delivery that stores a receipt and owes no reply: to check an endpoint is up. */
  Delivery probe() {
    return signed(SENT.fill(wamid("PROBE"), customers[0]), false);
  }

  private String wamid(String kind) {
    return "wamid.BENCH" + kind + run + "X" + wamids.incrementAndGet();
  }

  private static Delivery signed(String json, boolean inboundText) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return new Delivery(body, MetaWebhooks.sign(body, APP_SECRET), inboundText);
  }
}
