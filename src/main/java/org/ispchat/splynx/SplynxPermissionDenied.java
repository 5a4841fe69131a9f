package org.ispchat.splynx;

/** Splynx answered 403: the API key lacks the permission for this call. */
final class SplynxPermissionDenied extends SplynxUnavailable {
  SplynxPermissionDenied(String message) {
    super(message);
  }
}
