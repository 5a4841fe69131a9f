package org.ispchat.testing;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.ispchat.platform.Purged;
import org.ispchat.platform.Retention;

/**
 * Test-only door, added to the deployment under test and never part of the WAR: {@code POST
 * /it/retention?as-of=<instant>} runs one retention pass as if it were that instant. The server's
 * clock is the real one and the timer's first pass waits for the deployment to be running, so
 * without this a test would wait for real days to pass.
 */
@WebServlet("/it/retention")
public class RetentionPassServlet extends HttpServlet {

  @Inject Retention retention;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Purged done = retention.purge(Instant.parse(request.getParameter("as-of")));
    response.setContentType("application/json");
    response.getWriter().print("{\"texts\":" + done.texts() + ",\"rows\":" + done.rows() + "}");
  }
}
