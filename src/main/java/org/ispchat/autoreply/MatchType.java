package org.ispchat.autoreply;

/** How a rule's keywords are compared with what the customer wrote. Stored by name. */
public enum MatchType {
  /** The whole message, normalised, is one of the keywords. */
  EXACT,
  /** A keyword occurs in the message as whole words (Arabic words may carry attached prefixes). */
  CONTAINS,
  /** A keyword is a regular expression found anywhere in the message, ignoring case. */
  REGEX
}
