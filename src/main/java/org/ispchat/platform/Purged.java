package org.ispchat.platform;

/** What one retention batch did: message texts forgotten, rows deleted. */
public record Purged(int texts, int rows) {

  public static final Purged NOTHING = new Purged(0, 0);

  public static Purged texts(int forgotten) {
    return new Purged(forgotten, 0);
  }

  public static Purged rows(int deleted) {
    return new Purged(0, deleted);
  }

  public boolean nothing() {
    return texts == 0 && rows == 0;
  }

  Purged plus(Purged other) {
    return new Purged(texts + other.texts, rows + other.rows);
  }
}
