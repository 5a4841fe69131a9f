package org.ispchat.notify;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.ispchat.chat.Clip;
import org.ispchat.platform.ApiFailure;

/**
 * An admin's request for a new API key, checked field by field: every refusal is a 400 naming the
 * field, so a deploy script's author sees what to fix.
 *
 * @param instanceIds the instances the key may send from; empty: every instance
 */
public record KeyRequest(String name, Set<Permission> permissions, List<String> instanceIds) {

  static final int NAME_LENGTH = 200;
  // The entity keeps the ids comma-joined in a column of this size.
  static final int INSTANCE_IDS_LENGTH = 2000;

  public KeyRequest {
    permissions = Set.copyOf(permissions);
    instanceIds = List.copyOf(instanceIds);
  }

  /**
   * Reads {@code {"name", "permissions", "instance_ids"}}; {@code knownInstance} says whether an
   * instance id exists.
   */
  public static KeyRequest read(JsonValue body, Predicate<String> knownInstance) {
    if (!(body instanceof JsonObject o)) {
      throw bad("The body must be a JSON object with name, permissions and instance_ids.");
    }
    return new KeyRequest(
        name(o.get("name")),
        permissions(o.get("permissions")),
        instanceIds(o.get("instance_ids"), knownInstance));
  }

  private static String name(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      throw bad("name is required: a label for the key, such as the billing system's name.");
    }
    if (!(value instanceof JsonString s)) {
      throw bad("name must be a string.");
    }
    String name = s.getString().strip();
    if (name.isEmpty()) {
      throw bad("name must not be blank.");
    }
    if (name.length() > NAME_LENGTH) {
      throw bad("name is too long: at most " + NAME_LENGTH + " characters.");
    }
    return name;
  }

  private static Set<Permission> permissions(JsonValue value) {
    String known =
        Arrays.stream(Permission.values()).map(Permission::wire).collect(Collectors.joining(", "));
    if (value == null || value == JsonValue.NULL) {
      throw bad("permissions is required: a list with one or more of " + known + ".");
    }
    if (!(value instanceof JsonArray list)) {
      throw bad("permissions must be a list with one or more of " + known + ".");
    }
    if (list.isEmpty()) {
      throw bad("permissions must not be empty: name one or more of " + known + ".");
    }
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (JsonValue item : list) {
      String wire = item instanceof JsonString s ? s.getString() : item.toString();
      permissions.add(
          Permission.fromWire(wire)
              .orElseThrow(
                  () ->
                      bad(
                          "permissions: unknown permission '"
                              + clip(wire)
                              + "'; known are "
                              + known
                              + ".")));
    }
    return permissions;
  }

  private static List<String> instanceIds(JsonValue value, Predicate<String> knownInstance) {
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray list)) {
      throw bad("instance_ids must be a list of instance ids (strings), or left out for all.");
    }
    // An empty list would read as "no instance" to some and "every instance" to others.
    if (list.isEmpty()) {
      throw bad("instance_ids must name at least one instance, or be left out for all.");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonValue item : list) {
      if (!(item instanceof JsonString s) || s.getString().isBlank()) {
        throw bad("instance_ids must be a list of instance ids (non-empty strings).");
      }
      String id = s.getString().strip();
      if (id.contains(",")) {
        throw bad("instance_ids: '" + clip(id) + "' is not an instance id.");
      }
      if (!knownInstance.test(id)) {
        throw bad("instance_ids: no instance '" + clip(id) + "'.");
      }
      ids.add(id);
    }
    if (String.join(",", ids).length() > INSTANCE_IDS_LENGTH) {
      throw bad("instance_ids: too many instances for one key; leave it out for all instances.");
    }
    return new ArrayList<>(ids);
  }

  // Echoed input is shortened, so a huge value does not come back in full.
  private static String clip(String text) {
    return Clip.withEllipsis(text, 80);
  }

  private static ApiFailure bad(String detail) {
    return new ApiFailure(400, detail);
  }
}
