package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class QuietDuplicatesTest {

  @Test
  void expectedDuplicateKeyLinesAreDroppedAndEveryOtherErrorStays() {
    List<String> logged = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger hibernate = Logger.getLogger(QuietDuplicates.CATEGORIES.get(0));
    Logger mariadb = Logger.getLogger(QuietDuplicates.CATEGORIES.get(1));
    hibernate.addHandler(capture);
    mariadb.addHandler(capture);
    QuietDuplicates.install();
    try {
      hibernate.log(Level.WARNING, "SQL Error: 0, SQLState: 23505");
      hibernate.log(
          Level.SEVERE, "ERROR: duplicate key value violates unique constraint \"uq_chat\"");
      hibernate.log(Level.SEVERE, "Unique index or primary key violation: \"PUBLIC.UQ\"");
      mariadb.log(
          Level.WARNING, "Error: 1062-23000: Duplicate entry 'WHATSAPP-2189' for key 'uq_chat'");
      hibernate.log(Level.WARNING, "SQL Error: 0, SQLState: 40P01");
      mariadb.log(Level.WARNING, "Error: 1213-40001: Deadlock found when trying to get lock");
    } finally {
      QuietDuplicates.remove();
      hibernate.removeHandler(capture);
      mariadb.removeHandler(capture);
    }
    assertEquals(
        List.of(
            "SQL Error: 0, SQLState: 40P01",
            "Error: 1213-40001: Deadlock found when trying to get lock"),
        logged);
  }
}
