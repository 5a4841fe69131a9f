package org.ispchat.chat;

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
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One WhatsApp sender: a Cloud API phone number or an Evolution API instance, with what it needs to
 * send (provider URL and credential), where its customers live (time zone, send window, language)
 * and, for Evolution, whether its WhatsApp session is connected. Billing systems name it by its
 * {@link #instanceId()}. The {@code default} instance is not stored: it is built from the
 * configuration ({@link MessagingInstances#defaultInstance()}).
 *
 * <p>The credential and webhook secret are write-only to the outside: no accessor returns them to
 * an API or a log, only to the channel that sends.
 */
@Entity
@Table(name = "messaging_instance")
public class MessagingInstance {

  public static final String DEFAULT_ID = "default";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  /** Whether the sender can send now, as far as ispchat knows. */
  public enum Connection {
    /** Cloud API numbers: Meta has no session to lose. */
    ALWAYS,
    OPEN,
    CONNECTING,
    CLOSE,
    UNKNOWN;

    public boolean canSend() {
      return this == ALWAYS || this == OPEN || this == UNKNOWN;
    }

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "messaging_instance_seq")
  @SequenceGenerator(
      name = "messaging_instance_seq",
      sequenceName = "messaging_instance_seq",
      allocationSize = 1)
  private Long id;

  @Column(name = "instance_id", nullable = false, length = 64)
  private String instanceId;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ChannelType channel;

  /** Cloud API: the phone number id; Evolution: the instance name in its URLs. */
  @Column(name = "business_number", nullable = false, length = 128)
  private String businessNumber;

  /** Evolution: its server's base URL; Cloud API: unused (the Graph URL is configured). */
  @Column(name = "api_url", length = 500)
  private String apiUrl;

  /** Cloud API: access token (null: the configured one); Evolution: the {@code apikey}. */
  @Column(length = 1000)
  private String credential;

  /** Evolution: the token its webhook must carry. */
  @Column(name = "webhook_secret", length = 200)
  private String webhookSecret;

  @Column(name = "waba_id", length = 64)
  private String wabaId;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(name = "send_window", nullable = false, length = 16)
  private String sendWindow;

  @Column(nullable = false, length = 8)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(name = "connection_state", nullable = false, length = 16)
  private Connection connection;

  @Column(name = "state_changed_at")
  private Instant stateChangedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected MessagingInstance() {}

  public MessagingInstance(
      String instanceId, String name, ChannelType channel, String businessNumber, Instant now) {
    this.instanceId = requireId(instanceId);
    this.channel = Objects.requireNonNull(channel, "channel");
    if (channel == ChannelType.VIBER) {
      throw new IllegalArgumentException(
          "an instance is a WhatsApp sender (Cloud API or Evolution)");
    }
    rename(name);
    this.businessNumber = required(businessNumber, "business_number");
    this.timeZone = ZoneId.systemDefault().getId();
    this.sendWindow = SendWindow.DEFAULT.toString();
    this.language = "en";
    this.connection = channel == ChannelType.WHATSAPP ? Connection.ALWAYS : Connection.UNKNOWN;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public static String requireId(String instanceId) {
    if (instanceId == null || !ID.matcher(instanceId).matches()) {
      throw new IllegalArgumentException(
          "instance_id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
    return instanceId;
  }

  public void rename(String name) {
    this.name = required(name, "name");
    if (name.length() > 200) {
      throw new IllegalArgumentException("name is at most 200 characters");
    }
  }

  public void sendThrough(String apiUrl, String credential) {
    if (channel == ChannelType.EVOLUTION && (apiUrl == null || apiUrl.isBlank())) {
      throw new IllegalArgumentException("an Evolution instance needs api_url");
    }
    this.apiUrl = apiUrl == null || apiUrl.isBlank() ? null : stripSlash(apiUrl.strip());
    if (credential != null) {
      this.credential = credential.isBlank() ? null : credential.strip();
    }
  }

  public void acceptWebhooksWith(String webhookSecret) {
    if (webhookSecret != null) {
      this.webhookSecret = webhookSecret.isBlank() ? null : webhookSecret.strip();
    }
  }

  public void reachCustomers(String timeZone, String sendWindow, String language) {
    if (timeZone != null) {
      this.timeZone = SendWindow.zone(timeZone).getId();
    }
    if (sendWindow != null) {
      this.sendWindow = SendWindow.parse(sendWindow).toString();
    }
    if (language != null) {
      String l = language.strip().toLowerCase(Locale.ROOT);
      if (!l.equals("en") && !l.equals("ar")) {
        throw new IllegalArgumentException("language is en or ar");
      }
      this.language = l;
    }
  }

  public void manageTemplatesIn(String wabaId) {
    if (wabaId != null) {
      this.wabaId = wabaId.isBlank() ? null : wabaId.strip();
    }
  }

  /** Records the session state the provider reported; returns whether it changed. */
  public boolean connectionIs(Connection state, Instant now) {
    if (channel == ChannelType.WHATSAPP || state == connection) {
      return false;
    }
    connection = state;
    stateChangedAt = now;
    updatedAt = now;
    return true;
  }

  public void touched(Instant now) {
    updatedAt = now;
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value.strip();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public Long id() {
    return id;
  }

  public String instanceId() {
    return instanceId;
  }

  public String name() {
    return name;
  }

  public ChannelType channel() {
    return channel;
  }

  public String businessNumber() {
    return businessNumber;
  }

  public String apiUrl() {
    return apiUrl;
  }

  /** For the channel that sends only; never shown or logged. */
  public String credential() {
    return credential;
  }

  public boolean hasCredential() {
    return credential != null;
  }

  /** For the webhook check only; never shown or logged. */
  public String webhookSecret() {
    return webhookSecret;
  }

  public String wabaId() {
    return wabaId;
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public SendWindow window() {
    return SendWindow.parse(sendWindow);
  }

  public String language() {
    return language;
  }

  public Connection connection() {
    return connection;
  }

  public Instant stateChangedAt() {
    return stateChangedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public boolean isDefault() {
    return DEFAULT_ID.equals(instanceId);
  }

  @Override
  public String toString() {
    return "MessagingInstance[" + instanceId + ", " + channel + ", " + businessNumber + "]";
  }
}
