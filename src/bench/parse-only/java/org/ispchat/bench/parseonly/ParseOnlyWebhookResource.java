package org.ispchat.bench.parseonly;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The ceiling ispchat's webhook is measured against: the work every delivery needs before it can be
 * stored (read the raw body, check Meta's HMAC over it, parse the JSON) and nothing after it. Code
 * of its own rather than ispchat's classes, so that this WAR stays tiny and ispchat ships no
 * endpoint that skips storage.
 */
@Path("whatsapp")
public class ParseOnlyWebhookResource {

  // Looked up once, as ispchat does: Json.createReader() would search the ServiceLoader per call
  // and
  // make the ceiling an artefact of that lookup.
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  private static final String PREFIX = "sha256=";

  /**
   * Read once, as ispchat's settings bean is; the key is then made per request, as ispchat does.
   */
  private static final class AppSecret {
    static final String VALUE =
        ConfigProvider.getConfig().getValue("whatsapp.app-secret", String.class);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response deliver(@HeaderParam("X-Hub-Signature-256") String signature, InputStream in)
      throws IOException {
    byte[] body = in.readAllBytes();
    if (!signed(body, signature)) {
      return Response.status(401).entity("{\"detail\":\"bad signature\"}").build();
    }
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return Response.status(400).entity("{\"detail\":\"not JSON\"}").build();
    }
    return Response.ok("{}").build();
  }

  private static boolean signed(byte[] body, String header) {
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(AppSecret.VALUE.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
      return MessageDigest.isEqual(mac.doFinal(body), claimed);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }
}
