package org.ispchat.splynx;

/** Splynx answered 404: no such entity (or, for some lists, no rows). Never leaves the package. */
final class SplynxNotFound extends RuntimeException {
  SplynxNotFound(String message) {
    super(message, null, false, false);
  }
}
