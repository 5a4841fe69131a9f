package org.ispchat.notify;

/** A notice template whose mapped parameters do not fit it; answered 400, nothing queued. */
public class TemplateMismatch extends BadRequest {
  public TemplateMismatch(String detail) {
    super(detail);
  }
}
