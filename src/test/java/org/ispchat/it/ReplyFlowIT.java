package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.ispchat.testing.FakeGraphApi;
import org.ispchat.testing.IspCustomers;
import org.ispchat.testing.MetaWebhooks;
import org.ispchat.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook in, reply out at the Graph API: the whole path through store, worker and outbox. */
class ReplyFlowIT extends ServerTest {

  @Test
  void oneTextGetsOneMenuReplyToTheSender() {
    String customer = IspCustomers.newMobile();
    IspCustomers.add(splynx, customer, "0");
    var response =
        meta()
            .deliver(
                MetaWebhooks.envelope(
                    MetaWebhooks.text(customer, MetaWebhooks.newWamid(), "hello", now())));
    assertEquals(200, response.statusCode(), response.body());

    List<FakeGraphApi.Send> sends =
        Poll.until(
            () -> graph.sendsTo(customer), s -> !s.isEmpty(), Duration.ofSeconds(20), "a reply");
    FakeGraphApi.Send reply = sends.get(0);
    assertEquals(MetaWebhooks.PHONE_NUMBER_ID, reply.phoneNumberId());
    assertEquals("Bearer it-access-token", reply.authorization());
    assertEquals("whatsapp", reply.body().getString("messaging_product"));
    assertEquals("interactive", reply.type());
    assertEquals("Please choose from the options below:", reply.text());
    var rows =
        reply
            .body()
            .getJsonObject("interactive")
            .getJsonObject("action")
            .getJsonArray("sections")
            .getJsonObject(0)
            .getJsonArray("rows");
    assertEquals(5, rows.size());
    Poll.holds(
        () -> graph.sendsTo(customer).size() == 1, Duration.ofSeconds(1), "exactly one reply");
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "audio", "sticker", "some_new_type"})
  void whatTheBotCannotReadIsAnsweredWithTextOnly(String type) {
    String customer = MetaWebhooks.newCustomer();
    deliver(MetaWebhooks.media(customer, MetaWebhooks.newWamid(), type, now()));
    FakeGraphApi.Send reply = firstReply(customer);
    assertEquals("text", reply.type());
    assertTrue(reply.text().contains("text only"), reply.text());
  }

  @Test
  void tappedListRowIsUnderstoodAsAChoice() {
    String customer = MetaWebhooks.newCustomer();
    meta()
        .deliver(
            MetaWebhooks.envelope(
                MetaWebhooks.listReply(
                    customer, MetaWebhooks.newWamid(), "menu.balance", "Balance", now())));
    Poll.until(() -> !graph.acceptedTo(customer).isEmpty(), Duration.ofSeconds(20), "a reply");
    assertEquals("choice", admin().inbound(customer).get(0).getString("kind"));
  }
}
