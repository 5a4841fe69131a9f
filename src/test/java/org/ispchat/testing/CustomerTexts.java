package org.ispchat.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of new customers each writing several texts, as signed Meta deliveries: what a test
 * sends, and what it must later find answered, in each customer's order.
 *
 * @param sent each customer's message ids, in the order they wrote them
 * @param deliveries one webhook body per message, round by round (every customer's first text, then
 *     every customer's second, ...)
 */
public record CustomerTexts(Map<String, List<String>> sent, List<String> deliveries) {

  public static CustomerTexts of(int customers, int perCustomer) {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    List<String> deliveries = new ArrayList<>();
    long t0 = System.currentTimeMillis() / 1000;
    for (int c = 0; c < customers; c++) {
      sent.put(MetaWebhooks.newCustomer(), new ArrayList<>());
    }
    for (int i = 0; i < perCustomer; i++) {
      for (var customer : sent.entrySet()) {
        String wamid = MetaWebhooks.newWamid();
        customer.getValue().add(wamid);
        deliveries.add(
            MetaWebhooks.envelope(MetaWebhooks.text(customer.getKey(), wamid, "m" + i, t0 + i)));
      }
    }
    return new CustomerTexts(sent, deliveries);
  }
}
