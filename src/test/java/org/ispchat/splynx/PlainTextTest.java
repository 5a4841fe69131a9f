package org.ispchat.splynx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void agentHtmlBecomesChatText() {
    assertEquals(
        "Hello Thandi,\nYour line is fixed & working.\n\nRegards <support>",
        PlainText.fromHtml(
            "<p>Hello Thandi,<br>Your line is <b>fixed</b> &amp; working.</p><p></p>"
                + "<p>Regards&nbsp;&lt;support&gt;</p>"));
  }

  @Test
  void listsScriptsAndNumericEntities() {
    assertEquals(
        "• one\n• two\nمرحبا é",
        PlainText.fromHtml(
            "<ul><li>one</li><li>two</li></ul><script>alert(1)</script>مرحبا &#233;"));
  }

  @Test
  void plainTextStaysAsItIs() {
    assertEquals("just text", PlainText.fromHtml("  just text  "));
    assertEquals("", PlainText.fromHtml(null));
  }
}
