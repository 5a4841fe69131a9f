package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.chat.MessagingInstances;
import org.ispchat.chat.PhoneSettings;

/**
 * The checks and answers of {@code send-notification}, in the contract's order, kept out of the
 * JAX-RS class so that class stays a door. Every refusal is a JSON {@code {"detail"}} with the
 * contract's status; nothing is stored for a refused request.
 */
@ApplicationScoped
public class NotificationDesk {

  @Inject ApiKeys keys;
  @Inject RateLimits rates;
  @Inject MessagingInstances instances;
  @Inject NoticeWriter writer;
  @Inject PhoneSettings phones;

  public Response send(
      String instanceId, String authorization, String contentType, InputStream body) {
    ApiKeys.Check check = keys.check(authorization);
    if (check instanceof ApiKeys.Refused refused) {
      return NotificationResource.error(401, refused.detail());
    }
    KeyGrant grant = ((ApiKeys.Valid) check).grant();
    Optional<Duration> wait = rates.take(grant.keyId());
    if (wait.isPresent()) {
      return rates.tooMany(wait.get());
    }
    if (!grant.may(Permission.SEND_MESSAGE)) {
      return NotificationResource.error(
          401, "This API key lacks the send_message permission needed to send notifications.");
    }
    if (instanceId == null || instanceId.isBlank()) {
      return NotificationResource.error(
          400, "instance_id is required in the query string (?instance_id=...).");
    }
    // An instance outside the key's scope reads exactly like one that does not exist.
    Optional<MessagingInstance> instance =
        grant.covers(instanceId) ? instances.find(instanceId) : Optional.empty();
    if (instance.isEmpty()) {
      return NotificationResource.error(
          404, "Instance '" + instanceId + "' not found or not available to this API key.");
    }
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      return NotificationResource.error(
          400, "Content-Type must be application/json, not '" + contentType + "'.");
    }
    NotificationRequest request;
    try {
      JsonObject json = NotificationResource.object(read(body));
      request = NotificationRequest.from(json, phones.region());
    } catch (BadRequest e) {
      return NotificationResource.error(400, e.getMessage());
    }
    if (!instance.get().connection().canSend()) {
      return NotificationResource.error(
          400,
          "Instance is not connected: its WhatsApp session is "
              + instance.get().connection().wire()
              + "; reconnect it (scan the QR code in Evolution API) and retry.");
    }
    return accept(instance.get(), grant, request);
  }

  private Response accept(MessagingInstance instance, KeyGrant grant, NotificationRequest request) {
    try {
      Notifications.Accepted accepted =
          writer.accept(new Notifications.Pending(instance, grant, request));
      return NotificationResource.ok(accepted.messageId(), request.invoiceId());
    } catch (BadRequest e) {
      return NotificationResource.error(400, e.getMessage());
    }
  }

  private static byte[] read(InputStream body) {
    try {
      return body == null ? new byte[0] : body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
