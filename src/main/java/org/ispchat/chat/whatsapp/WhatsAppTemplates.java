package org.ispchat.chat.whatsapp;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ispchat.chat.TemplateAccountFailure;
import org.ispchat.chat.TemplateDraft;
import org.ispchat.chat.TemplateState;
import org.ispchat.chat.TemplateSubmission;

/**
 * Meta's wire format of template management, both ways: a draft as the body of {@code POST
 * /{waba-id}/message_templates}, and the answers of that call and of the listing read into neutral
 * values, with Meta's refusals in plain words. Plain and stateless, so tests drive it directly.
 *
 * <p>Shapes follow Meta's "Create and manage templates" reference as restated by BSPs (AWS End User
 * Messaging, 360dialog): {@code {"name","language","category","components":[{"type":"BODY",
 * "text","example":{"body_text":[[...]]}}]}} answered by {@code {"id","status","category"}}. The
 * error subcodes for a name that already exists in a language were not confirmed against a primary
 * Meta page: 2388024 ("content in this language already exists") is widely reported; 2388023 is
 * treated the same, as the issue asks, though it may mean the language is still being deleted.
 */
public final class WhatsAppTemplates {

  /** Billing notices are account updates: Meta's utility category, never marketing. */
  static final String CATEGORY = "UTILITY";

  /** What the listing returns; {@code components} carries the body whose {{n}} are counted. */
  static final String FIELDS = "name,language,status,category,components";

  static final int LIST_LIMIT = 100;

  static final Set<Integer> ALREADY_EXISTS = Set.of(2388023, 2388024);

  /** Meta's "object does not exist or cannot be loaded": a wrong WABA id or a blind token. */
  private static final int NO_SUCH_OBJECT = 33;

  private WhatsAppTemplates() {}

  public static JsonObject toGraph(TemplateDraft draft) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder().add("type", "BODY").add("text", draft.body());
    if (!draft.examples().isEmpty()) {
      JsonArrayBuilder values = JSON.createArrayBuilder();
      draft.examples().forEach(values::add);
      body.add(
          "example",
          JSON.createObjectBuilder().add("body_text", JSON.createArrayBuilder().add(values)));
    }
    return JSON.createObjectBuilder()
        .add("name", draft.name())
        .add("language", draft.language())
        .add("category", CATEGORY)
        .add("components", JSON.createArrayBuilder().add(body))
        .build();
  }

  /** The answer to a creation. */
  public static TemplateSubmission submission(int httpStatus, String body) {
    JsonObject json = parse(body);
    if (httpStatus >= 200 && httpStatus < 300) {
      String id = json == null ? null : WhatsAppEvents.string(json, "id");
      String status = json == null ? null : WhatsAppEvents.string(json, "status");
      return new TemplateSubmission.Submitted(id, status == null ? "PENDING" : status);
    }
    JsonObject error = json == null ? null : WhatsAppEvents.object(json, "error");
    if (error != null && code(error) == 100 && ALREADY_EXISTS.contains(subcode(error))) {
      return new TemplateSubmission.AlreadyExists(
          "Already in the WhatsApp Business Account (WhatsApp: " + metaWords(error) + ")");
    }
    return new TemplateSubmission.Refused(codeOf(httpStatus, error), refusal(httpStatus, error));
  }

  /**
   * The templates of a listing that have one of these names (Meta's name filter may match more).
   *
   * @throws TemplateAccountFailure for an error answer
   */
  public static List<TemplateState> states(int httpStatus, String body, Collection<String> names) {
    JsonObject json = parse(body);
    if (httpStatus < 200 || httpStatus >= 300) {
      JsonObject error = json == null ? null : WhatsAppEvents.object(json, "error");
      throw new TemplateAccountFailure(refusal(httpStatus, error));
    }
    if (json == null) {
      throw new TemplateAccountFailure("WhatsApp answered the template listing without JSON.");
    }
    List<TemplateState> states = new ArrayList<>();
    for (JsonObject t : WhatsAppEvents.objects(json, "data")) {
      String name = WhatsAppEvents.string(t, "name");
      if (name == null || !names.contains(name)) {
        continue;
      }
      states.add(
          new TemplateState(
              name,
              WhatsAppEvents.string(t, "language"),
              WhatsAppEvents.string(t, "status"),
              bodyText(t)));
    }
    return states;
  }

  private static String bodyText(JsonObject template) {
    for (JsonObject c : WhatsAppEvents.objects(template, "components")) {
      String type = WhatsAppEvents.string(c, "type");
      if (type != null && type.toUpperCase(Locale.ROOT).equals("BODY")) {
        String text = WhatsAppEvents.string(c, "text");
        return text == null ? "" : text;
      }
    }
    return "";
  }

  /** What went wrong, led by what it means for the admin who set templates up. */
  static String refusal(int httpStatus, JsonObject error) {
    if (error == null) {
      return "WhatsApp answered HTTP " + httpStatus + " without a Graph error body.";
    }
    int code = code(error);
    String plain;
    if (code == 190) {
      plain = GraphErrors.PLAIN_WORDS.get(190);
    } else if (code == 10 || (code >= 200 && code <= 299)) {
      plain =
          "The access token may not manage this WhatsApp Business Account's templates (it needs"
              + " the whatsapp_business_management permission).";
    } else if (code == 100 && subcode(error) == NO_SUCH_OBJECT) {
      plain = "The WhatsApp Business Account id is wrong, or this access token cannot see it.";
    } else if (code == 4 || code == 80008 || code == 613) {
      plain = "Too many template requests to this WhatsApp Business Account; try again later.";
    } else if (code == 100) {
      plain = "WhatsApp refused the template as invalid.";
    } else {
      plain = "WhatsApp refused the request.";
    }
    String meta = metaWords(error);
    return meta.isEmpty() ? plain : plain + " (WhatsApp: " + meta + ")";
  }

  /** Meta's own words: the text meant for users when there is one, with the trace id. */
  private static String metaWords(JsonObject error) {
    String user = WhatsAppEvents.string(error, "error_user_msg");
    String message = WhatsAppEvents.string(error, "message");
    StringBuilder words = new StringBuilder(user != null ? user : message == null ? "" : message);
    String trace = WhatsAppEvents.string(error, "fbtrace_id");
    if (trace != null) {
      words.append(" (fbtrace_id ").append(trace).append(')');
    }
    return words.toString();
  }

  private static String codeOf(int httpStatus, JsonObject error) {
    if (error == null) {
      return "http-" + httpStatus;
    }
    int subcode = subcode(error);
    return subcode < 0 ? String.valueOf(code(error)) : code(error) + "/" + subcode;
  }

  private static int code(JsonObject error) {
    return number(error, "code");
  }

  private static int subcode(JsonObject error) {
    return number(error, "error_subcode");
  }

  private static int number(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof jakarta.json.JsonNumber n ? n.intValue() : -1;
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (var reader = JSON.createReader(new StringReader(body))) {
      JsonValue v = reader.readValue();
      return v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
