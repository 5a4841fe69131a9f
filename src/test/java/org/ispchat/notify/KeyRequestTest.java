package org.ispchat.notify;

import static org.ispchat.platform.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.ispchat.platform.ApiFailure;
import org.junit.jupiter.api.Test;

class KeyRequestTest {

  private static final Predicate<String> KNOWN = Set.of("default", "branch-2")::contains;

  private static KeyRequest read(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return KeyRequest.read(reader.readValue(), KNOWN);
    }
  }

  private static String refusal(String json) {
    ApiFailure f = assertThrows(ApiFailure.class, () -> read(json));
    assertEquals(400, f.status());
    return f.detail();
  }

  @Test
  void aKeyWithoutInstanceIdsIsForEveryInstance() {
    KeyRequest r = read("{\"name\": \" WISPMAN \", \"permissions\": [\"send_message\"]}");
    assertEquals("WISPMAN", r.name());
    assertEquals(Set.of(Permission.SEND_MESSAGE), r.permissions());
    assertEquals(List.of(), r.instanceIds());
    assertEquals(
        List.of(),
        read("{\"name\":\"a\",\"permissions\":[\"send_message\"],\"instance_ids\":null}")
            .instanceIds());
  }

  @Test
  void permissionsAndInstancesAreReadOnceEach() {
    KeyRequest r =
        read(
            "{\"name\":\"Splynx\",\"permissions\":[\"receive_message\",\"send_message\","
                + "\"send_message\"],\"instance_ids\":[\"branch-2\",\"default\",\"branch-2\"]}");
    assertEquals(Set.of(Permission.SEND_MESSAGE, Permission.RECEIVE_MESSAGE), r.permissions());
    assertEquals(List.of("branch-2", "default"), r.instanceIds());
  }

  @Test
  void aMissingBlankOrOverlongNameIsRefusedNamingTheField() {
    assertTrue(refusal("{\"permissions\":[\"send_message\"]}").startsWith("name is required"));
    assertTrue(
        refusal("{\"name\":null,\"permissions\":[\"send_message\"]}")
            .startsWith("name is required"));
    assertEquals(
        "name must not be blank.", refusal("{\"name\":\"  \",\"permissions\":[\"send_message\"]}"));
    assertEquals(
        "name must be a string.", refusal("{\"name\":7,\"permissions\":[\"send_message\"]}"));
    String longName = "n".repeat(201);
    assertEquals(
        "name is too long: at most 200 characters.",
        refusal("{\"name\":\"" + longName + "\",\"permissions\":[\"send_message\"]}"));
    assertEquals(
        "n".repeat(200),
        read("{\"name\":\"" + "n".repeat(200) + "\",\"permissions\":[\"send_message\"]}").name());
  }

  @Test
  void missingEmptyOrUnknownPermissionsAreRefusedNamingTheField() {
    assertTrue(refusal("{\"name\":\"a\"}").startsWith("permissions is required"));
    assertTrue(
        refusal("{\"name\":\"a\",\"permissions\":[]}").startsWith("permissions must not be empty"));
    assertTrue(
        refusal("{\"name\":\"a\",\"permissions\":\"send_message\"}")
            .startsWith("permissions must be a list"));
    assertEquals(
        "permissions: unknown permission 'SEND_MESSAGE'; known are send_message,"
            + " receive_message.",
        refusal("{\"name\":\"a\",\"permissions\":[\"SEND_MESSAGE\"]}"));
    assertTrue(
        refusal("{\"name\":\"a\",\"permissions\":[1]}")
            .startsWith("permissions: unknown permission '1'"));
  }

  @Test
  void instanceIdsMustBeAListOfKnownInstances() {
    String start = "{\"name\":\"a\",\"permissions\":[\"send_message\"],\"instance_ids\":";
    assertTrue(refusal(start + "\"default\"}").startsWith("instance_ids must be a list"));
    assertTrue(refusal(start + "[\"default\", 3]}").startsWith("instance_ids must be a list"));
    assertTrue(refusal(start + "[\"\"]}").startsWith("instance_ids must be a list"));
    assertTrue(refusal(start + "[]}").startsWith("instance_ids must name at least one"));
    assertEquals(
        "instance_ids: no instance 'nowhere'.", refusal(start + "[\"default\",\"nowhere\"]}"));
    assertEquals(
        "instance_ids: no instance '" + "x".repeat(79) + "…'.",
        refusal(start + "[\"" + "x".repeat(500) + "\"]}"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() {
    assertTrue(refusal("[1, 2]").startsWith("The body must be a JSON object"));
    assertThrows(ApiFailure.class, () -> KeyRequest.read(JsonValue.NULL, KNOWN));
  }
}
