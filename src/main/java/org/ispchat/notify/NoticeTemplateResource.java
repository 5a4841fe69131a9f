package org.ispchat.notify;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.ispchat.chat.TemplateSubmission;

/**
 * {@code /api/v1/admin/instances/{instance_id}/templates}: the wording of the billing notices per
 * instance, and their WhatsApp templates (docs/notice-templates.md). HTTP Basic, console admin.
 */
@Path("v1/admin/instances/{instance_id}/templates")
@ApplicationScoped
public class NoticeTemplateResource {

  @Inject TemplateSetup setup;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String view(
      @PathParam("instance_id") String instanceId, @QueryParam("refresh") boolean refresh) {
    return view(instanceId, refresh ? setup.refresh(instanceId) : setup.view(instanceId));
  }

  @POST
  @Path("refresh")
  @Produces(MediaType.APPLICATION_JSON)
  public String refresh(@PathParam("instance_id") String instanceId) {
    return view(instanceId, setup.refresh(instanceId));
  }

  @PUT
  @Path("{message_type}/{language}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public String change(
      @PathParam("instance_id") String instanceId,
      @PathParam("message_type") String messageType,
      @PathParam("language") String language,
      String body) {
    TemplateSetup.Changed changed = setup.change(instanceId, messageType, language, body);
    JsonArrayBuilder warnings = JSON.createArrayBuilder();
    changed.warnings().forEach(warnings::add);
    return entry(changed.entry()).add("warnings", warnings).build().toString();
  }

  /** 200 when every template was submitted or already there; 502 naming the first failure. */
  @POST
  @Path("submit")
  @Produces(MediaType.APPLICATION_JSON)
  public Response submit(@PathParam("instance_id") String instanceId) {
    List<TemplateSetup.Submission> submissions = setup.submit(instanceId);
    JsonObject summary = summary(instanceId, submissions);
    int failed = summary.getInt("errors");
    if (failed == 0) {
      return Response.ok(summary.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
    String first =
        submissions.stream()
            .filter(s -> s.outcome() instanceof TemplateSubmission.Refused)
            .map(
                s ->
                    s.name()
                        + " ("
                        + s.language()
                        + "): "
                        + ((TemplateSubmission.Refused) s.outcome()).detail())
            .findFirst()
            .orElse("");
    JsonObject body =
        JSON.createObjectBuilder(summary)
            .add(
                "detail",
                failed + " of " + submissions.size() + " templates were not submitted; " + first)
            .build();
    return Response.status(502)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString())
        .build();
  }

  static JsonObject summary(String instanceId, List<TemplateSetup.Submission> submissions) {
    JsonArrayBuilder list = JSON.createArrayBuilder();
    int submitted = 0;
    int existing = 0;
    int errors = 0;
    for (TemplateSetup.Submission s : submissions) {
      JsonObjectBuilder o =
          JSON.createObjectBuilder()
              .add("name", s.name())
              .add("language", s.language())
              .add("category", "UTILITY");
      if (s.outcome() instanceof TemplateSubmission.Submitted ok) {
        submitted++;
        o.add("outcome", "submitted").add("status", ok.status());
        if (ok.id() != null) {
          o.add("id", ok.id());
        }
      } else if (s.outcome() instanceof TemplateSubmission.AlreadyExists there) {
        existing++;
        o.add("outcome", "already_exists").add("detail", there.detail());
      } else if (s.outcome() instanceof TemplateSubmission.Refused no) {
        errors++;
        o.add("outcome", "error").add("code", no.code()).add("detail", no.detail());
      }
      list.add(o);
    }
    return JSON.createObjectBuilder()
        .add("instance_id", instanceId)
        .add("submitted", submitted)
        .add("already_exists", existing)
        .add("errors", errors)
        .add("templates", list)
        .build();
  }

  private static String view(String instanceId, List<TemplateSetup.Entry> entries) {
    JsonArrayBuilder list = JSON.createArrayBuilder();
    entries.forEach(e -> list.add(entry(e)));
    return JSON.createObjectBuilder()
        .add("instance_id", instanceId)
        .add("templates", list)
        .build()
        .toString();
  }

  static JsonObjectBuilder entry(TemplateSetup.Entry e) {
    JsonArrayBuilder parameters = JSON.createArrayBuilder();
    e.parameters().forEach(parameters::add);
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
            .add("message_type", e.type().wire())
            .add("language", e.language())
            .add("text", e.text())
            .add("text_overridden", e.textOverridden())
            .add("template_name", e.templateName())
            .add("template_language", e.templateLanguage())
            .add("parameters", parameters)
            .add("parameter_count", e.parameterCount())
            .add("parameters_match", e.problem().isEmpty());
    o.add(
        "approval_status",
        e.approvalStatus() == null
            ? jakarta.json.JsonValue.NULL
            : JSON.createValue(e.approvalStatus()));
    o.add(
        "approval_checked_at",
        e.approvalCheckedAt() == null
            ? jakarta.json.JsonValue.NULL
            : JSON.createValue(e.approvalCheckedAt().toString()));
    e.problem().ifPresent(p -> o.add("problem", p));
    return o;
  }
}
