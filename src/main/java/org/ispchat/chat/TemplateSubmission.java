package org.ispchat.chat;

/** What became of submitting one template. */
public sealed interface TemplateSubmission {

  /** Taken for review under this id; {@code status} is usually PENDING. */
  record Submitted(String id, String status) implements TemplateSubmission {}

  /** The account already has a template of this name in this language: nothing to do. */
  record AlreadyExists(String detail) implements TemplateSubmission {}

  /** Refused or not reached; {@code detail} says why in plain words. */
  record Refused(String code, String detail) implements TemplateSubmission {}
}
