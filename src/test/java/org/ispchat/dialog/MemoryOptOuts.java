package org.ispchat.dialog;

import java.util.HashSet;
import java.util.Set;
import org.ispchat.notify.OptOuts;

/** Opt-outs in memory, for the dialog's plain tests. */
class MemoryOptOuts extends OptOuts {

  final Set<String> phones = new HashSet<>();

  @Override
  public boolean optedOut(String phone) {
    return phones.contains(phone);
  }

  @Override
  public boolean optOut(String phone, String how) {
    return phones.add(phone);
  }

  @Override
  public boolean optIn(String phone) {
    return phones.remove(phone);
  }
}
