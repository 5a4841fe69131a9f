package org.ispchat.chat;

import java.util.Collection;
import java.util.List;

/**
 * Where an instance's message templates are kept and approved (for the Cloud API: its WhatsApp
 * Business Account). The port through which features set templates up without knowing the
 * provider's wire format; the Cloud API implements it in {@code chat.whatsapp}.
 */
public interface TemplateAccount {

  /**
   * Submits a utility template (account and billing notices, never promotional) for approval. Never
   * throws for a refusal: every outcome is a {@link TemplateSubmission}.
   */
  TemplateSubmission submit(MessagingInstance instance, TemplateDraft draft);

  /**
   * The templates of the instance's account with these names, in every language they exist in.
   *
   * @throws TemplateAccountFailure when the account cannot be read (no token, wrong account id,
   *     network)
   */
  List<TemplateState> states(MessagingInstance instance, Collection<String> names);
}
