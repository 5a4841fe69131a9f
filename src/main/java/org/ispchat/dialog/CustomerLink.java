package org.ispchat.dialog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.ChatKey;
import org.ispchat.chat.Clip;
import org.ispchat.splynx.Account;
import org.ispchat.splynx.AccountStatus;
import org.ispchat.splynx.Billing;

/**
 * Which billing account a chat speaks for, and how we know: the account's phone field holds the
 * sender's number ({@link How#PHONE}), the sender picked it among several on one number ({@link
 * How#CHOSEN}), or signed in with the portal login and password ({@link How#SIGNED_IN}). The link
 * is confirmed against the billing system again from time to time; one it no longer confirms is
 * deleted.
 */
@Entity
@Table(name = "customer_link")
public class CustomerLink {

  /** How the chat came to be linked to the account. */
  public enum How {
    PHONE,
    CHOSEN,
    SIGNED_IN
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_link_seq")
  @SequenceGenerator(
      name = "customer_link_seq",
      sequenceName = "customer_link_seq",
      allocationSize = 20)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ChannelType channel;

  @Column(nullable = false, length = 160)
  private String sender;

  @Column(name = "account_id", nullable = false, length = 64)
  private String accountId;

  @Column(nullable = false, length = 200)
  private String login;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Billing billing;

  @Enumerated(EnumType.STRING)
  @Column(name = "account_status", nullable = false, length = 16)
  private AccountStatus accountStatus;

  @Column(name = "partner_id", length = 64)
  private String partnerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private How how;

  @Column(name = "linked_at", nullable = false)
  private Instant linkedAt;

  @Column(name = "confirmed_at", nullable = false)
  private Instant confirmedAt;

  @Version private long version;

  protected CustomerLink() {}

  public CustomerLink(ChatKey chat, Account account, How how, Instant now) {
    this.channel = chat.channel();
    this.sender = chat.sender();
    this.accountId = account.id();
    this.how = Objects.requireNonNull(how, "how");
    this.linkedAt = now;
    remember(account, now);
  }

  /**
   * The account as last confirmed: enough to answer without asking the billing system again (login,
   * name, billing type, status), until the next confirmation.
   */
  public Account account() {
    return new Account(accountId, login, name, accountStatus, billing, partnerId, null);
  }

  /** Whether the link was last confirmed longer ago than {@code interval}. */
  public boolean needsConfirming(Instant now, Duration interval) {
    return confirmedAt.plus(interval).isBefore(now);
  }

  /** The billing system still vouches for the link; keeps what it now says of the account. */
  public void remember(Account account, Instant now) {
    if (!account.id().equals(accountId)) {
      throw new IllegalArgumentException(
          "link to " + accountId + " confirmed with " + account.id());
    }
    this.login = Clip.cut(account.login(), 200);
    this.name = Clip.cut(account.name(), 200);
    this.billing = account.billing();
    this.accountStatus = account.status();
    this.partnerId = account.partnerId();
    this.confirmedAt = now;
  }

  public String accountId() {
    return accountId;
  }

  public String login() {
    return login;
  }

  public How how() {
    return how;
  }
}
