package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.MessagingInstance;
import org.ispchat.platform.ApiFailure;
import org.junit.jupiter.api.Test;

class InstanceRequestTest {

  private static JsonValue json(String text) {
    try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  private static String refusal(String body) {
    return assertThrows(ApiFailure.class, () -> InstanceRequest.toCreate(json(body))).detail();
  }

  @Test
  void anEvolutionInstanceNeedsItsServerAndKey() {
    InstanceRequest r =
        InstanceRequest.toCreate(
            json(
                "{'name':'Support','provider':'evolution','evolution_instance':'isp-01',"
                    + "'api_url':'https://evo.example.net','api_key':'k','language':'ar'}"));
    assertEquals(ChannelType.EVOLUTION, r.provider());
    assertEquals("isp-01", r.number());
    assertEquals("k", r.credential());
    assertNull(r.webhookSecret());
    assertEquals(
        "api_url is required: the Evolution server's base URL.",
        refusal("{'name':'S','provider':'evolution','evolution_instance':'i','api_key':'k'}"));
    assertEquals(
        "api_key is required: the Evolution server's or the instance's apikey.",
        refusal(
            "{'name':'S','provider':'evolution','evolution_instance':'i','api_url':'http://e'}"));
  }

  @Test
  void eachBadFieldIsNamed() {
    assertEquals("provider is required: cloud_api or evolution.", refusal("{'name':'x'}"));
    assertEquals(
        "provider must be cloud_api or evolution, not 'viber'.",
        refusal("{'name':'x','provider':'viber'}"));
    assertEquals(
        "phone_number_id is required: the number's id in Meta's WhatsApp Manager.",
        refusal("{'name':'x','provider':'cloud_api'}"));
    assertEquals(
        "api_key belongs to an Evolution instance, not to provider cloud_api.",
        refusal("{'name':'x','provider':'cloud_api','phone_number_id':'1','api_key':'k'}"));
    assertEquals(
        "unknown field 'phone'.",
        refusal("{'name':'x','provider':'cloud_api','phone_number_id':'1','phone':'2'}"));
    assertEquals(
        "name must be a string.",
        refusal("{'name':5,'provider':'cloud_api','phone_number_id':'1'}"));
    String evo = "{'name':'x','provider':'evolution','evolution_instance':'i','api_key':'k',";
    assertEquals(
        "api_url must be an http or https URL, such as https://evo.example.net.",
        refusal(evo + "'api_url':'ftp://evo'}"));
    assertEquals(
        "webhook_secret is too short: at least 16 characters (or leave it out and one is made).",
        refusal(evo + "'api_url':'http://evo','webhook_secret':'short'}"));
    assertEquals(
        "evolution_instance must not contain '/', '\\', '?', '#', '%' or control characters.",
        refusal(evo.replace("'i'", "'a/b'") + "'api_url':'http://evo'}"));
    assertEquals(
        "time_zone: 'Mars/Base' is not a time zone id (for example Africa/Tripoli).",
        refusal(
            "{'name':'x','provider':'cloud_api','phone_number_id':'1','time_zone':'Mars/Base'}"));
    assertEquals(
        "language is en or ar.",
        refusal("{'name':'x','provider':'cloud_api','phone_number_id':'1','language':'fr'}"));
    assertEquals(
        "instance_id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
        refusal("{'instance_id':'-x','name':'x','provider':'cloud_api','phone_number_id':'1'}"));
    assertThrows(ApiFailure.class, () -> InstanceRequest.toCreate(json("[1]")));
  }

  @Test
  void aChangeKeepsTheIdentityAndMayRepeatIt() {
    MessagingInstance current =
        new MessagingInstance("isp01", "Support", ChannelType.EVOLUTION, "isp-01", Instant.EPOCH);
    InstanceRequest r =
        InstanceRequest.toChange(
            json(
                "{'instance_id':'isp01','provider':'evolution','evolution_instance':'isp-01',"
                    + "'send_window':'09:00-20:00','connection':'open','has_credential':true}"),
            current);
    assertEquals("09:00-20:00", r.sendWindow());
    assertNull(r.name());
    assertEquals(
        "evolution_instance cannot be changed; create a new instance (and delete this one)"
            + " instead.",
        assertThrows(
                ApiFailure.class,
                () -> InstanceRequest.toChange(json("{'evolution_instance':'other'}"), current))
            .detail());
    assertEquals(
        "provider cannot be changed; create a new instance instead.",
        assertThrows(
                ApiFailure.class,
                () -> InstanceRequest.toChange(json("{'provider':'cloud_api'}"), current))
            .detail());
  }

  @Test
  void aCloudApiTokenSentAsNullIsCleared() {
    MessagingInstance current =
        new MessagingInstance("n2", "Sales", ChannelType.WHATSAPP, "1065", Instant.EPOCH);
    assertEquals(
        InstanceRequest.CLEARED,
        InstanceRequest.toChange(json("{'access_token':null}"), current).credential());
  }
}
