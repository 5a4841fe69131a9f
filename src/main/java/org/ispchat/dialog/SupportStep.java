package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ispchat.autoreply.AutoReplies;
import org.ispchat.chat.Reply;

/**
 * Option 5: support. The customer describes the problem and the auto-reply rules answer what they
 * can ("slow" → restart the router); {@code test} checks the line, {@code agent} hands the chat to
 * a person. Auto-replies also answer outside this step, for anyone, since they hold no account
 * data.
 */
@ApplicationScoped
public class SupportStep implements Step {

  @Inject AutoReplies autoReplies;

  @Override
  public String name() {
    return "support";
  }

  @Override
  public List<Reply> start(Turn turn) {
    turn.moveTo(name(), null);
    return List.of(new Reply.Text(turn.texts().get("support.intro")));
  }

  @Override
  public Optional<List<Reply>> answer(Turn turn) {
    return autoReply(turn)
        .or(() -> Optional.of(List.of(new Reply.Text(turn.texts().get("support.no-match")))));
  }

  /** The matching auto-reply, for any chat in any step; empty when no rule matches. */
  public Optional<List<Reply>> autoReply(Turn turn) {
    if (turn.text() == null) {
      return Optional.empty();
    }
    // A customer who chose English may still type an Arabic keyword, and the other way round.
    Language written = Language.detect(turn.text(), turn.language());
    return autoReplies
        .match(turn.text(), turn.language().code)
        .or(
            () ->
                written == turn.language()
                    ? Optional.empty()
                    : autoReplies.match(turn.text(), written.code))
        .map(
            rule ->
                List.of(
                    new Reply.Text(
                        rule.replyWith(Map.of("support_phone", turn.settings().supportPhone())))));
  }
}
