package org.ispchat.splynx;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The change journal without a database, for tests of the dialog and of {@link AccountChanges}. */
public class MemoryJournal extends ChangeJournal {

  public final Map<String, AccountChange> rows = new LinkedHashMap<>();

  public MemoryJournal(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<AccountChange> start(
      String reference,
      AccountChange.Kind kind,
      String accountId,
      String requestedBy,
      String detail) {
    if (rows.containsKey(reference)) {
      return Optional.of(rows.get(reference));
    }
    rows.put(
        reference,
        new AccountChange(reference, kind, accountId, requestedBy, detail, clock.instant()));
    return Optional.empty();
  }

  @Override
  public void tryAgain(String reference) {
    rows.get(reference).tryAgain();
  }

  @Override
  public void done(String reference, String outcome) {
    rows.get(reference).done(outcome, clock.instant());
  }

  @Override
  public void refused(String reference, String reason) {
    rows.get(reference).refused(reason, clock.instant());
  }

  @Override
  public Optional<AccountChange> find(String reference) {
    return Optional.ofNullable(rows.get(reference));
  }

  /** Wires an {@link AccountChanges} over this journal and the given accounts. */
  public AccountChanges changes(SplynxAccounts accounts) {
    AccountChanges changes = new AccountChanges();
    changes.journal = this;
    changes.accounts = accounts;
    changes.clock = clock;
    return changes;
  }
}
