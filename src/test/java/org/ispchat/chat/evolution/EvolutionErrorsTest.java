package org.ispchat.chat.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ispchat.chat.SendResult;
import org.junit.jupiter.api.Test;

class EvolutionErrorsTest {

  private static SendResult classify(int status, String body) {
    return EvolutionErrors.classify(status, body.replace('\'', '"'), "isp-01");
  }

  @Test
  void theStoredMessageRecordGivesTheKeyId() {
    SendResult r =
        classify(
            201,
            "{'key':{'remoteJid':'218912345678@s.whatsapp.net','fromMe':true,'id':'3EB0F00D'},"
                + "'message':{'conversation':'hi'},'messageTimestamp':1749416383,"
                + "'status':'PENDING'}");
    assertEquals(new SendResult.Accepted("3EB0F00D"), r);
  }

  @Test
  void aNumberNotOnWhatsAppIsRejectedForGood() {
    SendResult r =
        classify(
            400,
            "{'status':400,'error':'Bad Request','response':{'message':[{'exists':false,"
                + "'jid':'218900000000@s.whatsapp.net','number':'218900000000'}]}}");
    assertEquals(new SendResult.Rejected("not-on-whatsapp", "the number is not on WhatsApp"), r);
    SendResult other =
        classify(
            400,
            "{'status':400,'error':'Bad Request','response':{'message':['text is required']}}");
    assertEquals(new SendResult.Rejected("http-400", "HTTP 400: text is required"), other);
  }

  @Test
  void aRefusedKeyWaitsForTheAdmin() {
    SendResult r = classify(401, "{'status':401,'error':'Unauthorized','response':{}}");
    SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, r);
    assertEquals("evolution-auth", later.code());
    assertTrue(later.detail().contains("apikey"), later.detail());
    assertEquals("evolution-auth", ((SendResult.RetryLater) classify(403, "")).code());
  }

  @Test
  void anUnknownInstanceAndServerTroubleArePassing() {
    assertInstanceOf(
        SendResult.RetryLater.class,
        classify(
            404,
            "{'status':404,'error':'Not Found','response':{'message':['The \\'x\\' instance does"
                + " not exist']}}"));
    assertInstanceOf(SendResult.RetryLater.class, classify(500, "Connection Closed"));
    assertInstanceOf(SendResult.RetryLater.class, classify(429, ""));
    assertInstanceOf(SendResult.Rejected.class, classify(422, "{}"));
  }
}
