package org.ispchat.platform;

/**
 * A failure with the HTTP status and the {@code detail} text the API contract promises. Thrown by
 * doors and services; {@link JsonErrors} writes it as {@code {"detail": ...}}.
 */
public class ApiFailure extends RuntimeException {

  private final int status;

  public ApiFailure(int status, String detail) {
    super(detail);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }
}
