package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.Session;
import org.ispchat.splynx.SplynxAccounts;

/** {@code test}: whether the customer's line is online now, and the current session if it is. */
@ApplicationScoped
public class LineTest {

  @Inject SplynxAccounts accounts;

  public List<Reply> run(Turn turn) {
    Session s = turn.once("session", () -> accounts.session(turn.account().id()));
    BotTexts t = turn.texts();
    Formats f = turn.formats();
    if (!s.online()) {
      return List.of(new Reply.Text(t.get("line.offline")));
    }
    return List.of(
        new Reply.Text(
            t.format(
                "line.online",
                f.dateTime(s.since()),
                s.ipAddress() == null || s.ipAddress().isBlank()
                    ? t.get("value.none")
                    : s.ipAddress(),
                f.data(s.downloadedBytes()),
                f.data(s.uploadedBytes()))));
  }
}
