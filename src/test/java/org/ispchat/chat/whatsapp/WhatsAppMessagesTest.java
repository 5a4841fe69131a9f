package org.ispchat.chat.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.ispchat.chat.Clip;
import org.ispchat.chat.Reply;
import org.junit.jupiter.api.Test;

class WhatsAppMessagesTest {

  private static Reply.Option option(int i, String title, String description) {
    return new Reply.Option("id." + i, title, description);
  }

  @Test
  void textIsSentAsText() {
    JsonObject json = WhatsAppMessages.toGraph("218911", new Reply.Text("hello"), "ob-1");
    assertEquals("whatsapp", json.getString("messaging_product"));
    assertEquals("218911", json.getString("to"));
    assertEquals("text", json.getString("type"));
    assertEquals("hello", json.getJsonObject("text").getString("body"));
    assertEquals("ob-1", json.getString("biz_opaque_callback_data"));
  }

  @Test
  void menuIsAListWithinMetasLimits() {
    String longTitle = "View account information and data usage";
    String longDescription = "x".repeat(100);
    Reply.Menu menu =
        new Reply.Menu(
            "Choose:", "A very long button label", List.of(option(1, longTitle, longDescription)));
    JsonObject interactive = WhatsAppMessages.toGraph("1", menu, null).getJsonObject("interactive");
    assertEquals("list", interactive.getString("type"));
    String button = interactive.getJsonObject("action").getString("button");
    assertTrue(button.length() <= 20, button);
    JsonObject row =
        interactive
            .getJsonObject("action")
            .getJsonArray("sections")
            .getJsonObject(0)
            .getJsonArray("rows")
            .getJsonObject(0);
    assertEquals(24, row.getString("title").length());
    assertTrue(row.getString("title").endsWith("…"));
    assertEquals(72, row.getString("description").length());
    assertEquals("id.1", row.getString("id"));
  }

  @Test
  void clippingNeverSplitsAnEmoji() {
    String title = "a".repeat(22) + "😀😀";
    String clipped = Clip.withEllipsis(title, 24);
    assertTrue(clipped.length() <= 24);
    assertFalse(Character.isHighSurrogate(clipped.charAt(clipped.length() - 2)), clipped);
  }

  @Test
  void moreThanTenOptionsFallBackToNumberedText() {
    List<Reply.Option> eleven =
        IntStream.rangeClosed(1, 11).mapToObj(i -> option(i, "Plan " + i, null)).toList();
    JsonObject json =
        WhatsAppMessages.toGraph("1", new Reply.Menu("Pick one", "Plans", eleven), null);
    assertEquals("text", json.getString("type"));
    String body = json.getJsonObject("text").getString("body");
    assertTrue(body.contains("11 - Plan 11"), body);
  }

  @Test
  void upToThreeButtonsAreReplyButtons() {
    Reply.Buttons confirm =
        new Reply.Buttons(
            "Change to MAX?", List.of(option(1, "Confirm", null), option(2, "Cancel", null)));
    JsonObject interactive =
        WhatsAppMessages.toGraph("1", confirm, null).getJsonObject("interactive");
    assertEquals("button", interactive.getString("type"));
    var buttons = interactive.getJsonObject("action").getJsonArray("buttons");
    assertEquals(2, buttons.size());
    assertEquals("reply", buttons.getJsonObject(0).getString("type"));
    assertEquals("Confirm", buttons.getJsonObject(0).getJsonObject("reply").getString("title"));
  }

  @Test
  void fourButtonsOrClashingTitlesBecomeAList() {
    List<Reply.Option> four =
        IntStream.rangeClosed(1, 4).mapToObj(i -> option(i, "B" + i, null)).toList();
    assertEquals("list", type(new Reply.Buttons("?", four)));
    List<Reply.Option> clash =
        List.of(
            option(1, "Same title that is long A", null),
            option(2, "Same title that is long B", null));
    assertEquals("list", type(new Reply.Buttons("?", clash)), "titles equal once clipped to 20");
  }

  @Test
  void interactiveBodyOver1024FallsBackToText() {
    Reply.Menu menu = new Reply.Menu("b".repeat(1100), "Menu", List.of(option(1, "One", null)));
    assertEquals("text", WhatsAppMessages.toGraph("1", menu, null).getString("type"));
  }

  @Test
  void textIsClippedTo4096() {
    JsonObject json = WhatsAppMessages.toGraph("1", new Reply.Text("z".repeat(5000)), null);
    assertEquals(4096, json.getJsonObject("text").getString("body").length());
  }

  private static String type(Reply reply) {
    return WhatsAppMessages.toGraph("1", reply, null)
        .getJsonObject("interactive")
        .getString("type");
  }
}
