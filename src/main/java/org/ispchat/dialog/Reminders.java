package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.ispchat.chat.Reply;
import org.ispchat.notify.NoticeWording;
import org.ispchat.notify.OptOuts;

/**
 * STOP / إيقاف and START / ابدأ: the customer's say over billing reminders, invoices and overdue
 * notices, kept by phone number for every sender of the ISP. Payment confirmations still go.
 */
@ApplicationScoped
public class Reminders {

  @Inject OptOuts optOuts;

  public List<Reply> answer(Turn turn, boolean stop) {
    String phone = turn.chat().sender();
    String language = turn.language().code;
    String key;
    if (stop) {
      key =
          optOuts.optOut(phone, "wrote '" + turn.text().strip() + "' on " + turn.chat().channel())
              ? "opt-out.confirmed"
              : "opt-out.already";
    } else {
      key = optOuts.optIn(phone) ? "opt-in.confirmed" : "opt-in.already";
    }
    return List.of(new Reply.Text(NoticeWording.text(key, language)));
  }
}
