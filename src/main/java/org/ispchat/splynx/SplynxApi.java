package org.ispchat.splynx;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Splynx's REST API v2.0, as much of it as ispchat calls, relative to {@code
 * <splynx.url>/api/2.0/}. Built at runtime by {@link SplynxCalls} with the default exception mapper
 * off, so that every status and Splynx's error body reach {@link SplynxErrors}. Filters use
 * Splynx's PHP-style parameters ({@code main_attributes[phone][0]=LIKE}).
 *
 * <p>No class-level {@code @Path("/")}: RESTEasy (WildFly) joins it into {@code //admin/...} and
 * takes the first segment for a host name.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface SplynxApi {

  // --- customers ---

  @GET
  @Path("admin/customers/customer")
  Response customersWherePhone(
      @QueryParam("main_attributes[phone][0]") String operator,
      @QueryParam("main_attributes[phone][1]") String phone);

  @GET
  @Path("admin/customers/customer")
  Response customersWhereLogin(@QueryParam("main_attributes[login]") String login);

  @GET
  @Path("admin/customers/customer/{id}")
  Response customer(@PathParam("id") String id);

  @GET
  @Path("admin/customers/customer-billing/{id}")
  Response customerBilling(@PathParam("id") String customerId);

  @GET
  @Path("admin/customers/billing-info/{id}")
  Response billingInfo(@PathParam("id") String customerId);

  @GET
  @Path("admin/customers/customer/{id}/internet-services")
  Response internetServices(@PathParam("id") String customerId);

  @GET
  @Path("admin/customers/customers-online")
  Response customersOnline(@QueryParam("main_attributes[customer_id]") String customerId);

  /** 404 when there are no counters for the filter: that means "none". */
  @GET
  @Path("admin/customers/customer-traffic-counter")
  Response customerTrafficCounter(
      @QueryParam("main_attributes[service_id]") String serviceId,
      @QueryParam("main_attributes[date][0]") String between,
      @QueryParam("main_attributes[date][1]") String from,
      @QueryParam("main_attributes[date][2]") String to);

  // --- tariffs and usage ---

  @GET
  @Path("admin/tariffs/internet")
  Response internetTariffs();

  @GET
  @Path("admin/tariffs/internet/{id}")
  Response internetTariff(@PathParam("id") String tariffId);

  @GET
  @Path("admin/tariffs/tariffs-for-change")
  Response tariffsForChange(@QueryParam("type") String type, @QueryParam("id") String tariffId);

  @GET
  @Path("admin/tariffs/change-tariff/{serviceId}")
  Response changeTariffTarget(
      @PathParam("serviceId") String serviceId, @QueryParam("type") String type);

  /** Body {@code {newTariffId, targetDate, description}}; 202, with the new service's id. */
  @PUT
  @Path("admin/tariffs/change-tariff/{serviceId}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response changeTariff(
      @PathParam("serviceId") String serviceId, @QueryParam("type") String type, JsonObject body);

  @GET
  @Path("admin/fup/usage/{serviceId}")
  Response fupUsage(@PathParam("serviceId") String serviceId);

  // --- finance ---

  /** Body {@code {code, customer_id}}; 202 when redeemed, 4xx when the card is refused. */
  @PUT
  @Path("admin/finance/refill-cards/0")
  @Consumes(MediaType.APPLICATION_JSON)
  Response redeemRefillCard(@QueryParam("redeem") boolean redeem, JsonObject body);

  @GET
  @Path("admin/finance/refill-cards-series/{serie}")
  Response refillCardsSeries(@PathParam("serie") String serie);

  @GET
  @Path("admin/finance/payments")
  Response paymentsSince(
      @QueryParam("main_attributes[customer_id]") String customerId,
      @QueryParam("main_attributes[date][0]") String operator,
      @QueryParam("main_attributes[date][1]") String date);

  // --- support ---

  @POST
  @Path("admin/support/tickets")
  @Consumes(MediaType.APPLICATION_JSON)
  Response createTicket(JsonObject ticket);

  @GET
  @Path("admin/support/tickets")
  Response ticketsOfCustomer(@QueryParam("main_attributes[customer_id]") String customerId);

  @GET
  @Path("admin/support/tickets/{id}")
  Response ticket(@PathParam("id") String ticketId);

  @POST
  @Path("admin/support/ticket-messages")
  @Consumes(MediaType.APPLICATION_JSON)
  Response createTicketMessage(JsonObject message);

  /** Always filtered by ticket: unfiltered, one live Splynx answered 500. */
  @GET
  @Path("admin/support/ticket-messages")
  Response ticketMessages(@QueryParam("main_attributes[ticket_id]") String ticketId);

  @GET
  @Path("admin/support/tickets-types")
  Response ticketTypes();

  // --- auth tokens (sent without an Authorization header: these are the sign-in) ---

  /** {@code auth_type} {@code api_key} (key, nonce, signature) or {@code customer} (login, ...). */
  @POST
  @Path("admin/auth/tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  Response createToken(JsonObject credentials);

  @GET
  @Path("admin/auth/tokens/{refreshToken}")
  Response renewToken(@PathParam("refreshToken") String refreshToken);

  @DELETE
  @Path("admin/auth/tokens/{refreshToken}")
  Response deleteToken(@PathParam("refreshToken") String refreshToken);
}
