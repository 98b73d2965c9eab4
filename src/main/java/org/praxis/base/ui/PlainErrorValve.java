package org.praxis.base.ui;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.praxis.base.security.SecurityHeaders;

/**
 * Tomcat's last word on errors it meets before the application sees the request (an address it
 * cannot decode, a refused method): the same plain page as {@link ErrorPageController} in place of
 * Tomcat's own report.
 */
final class PlainErrorValve extends ErrorReportValve {

    private final PlainErrorPage page;

    PlainErrorValve(PlainErrorPage page) {
        this.page = page;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean ioAllowed = new java.util.concurrent.atomic.AtomicBoolean();
        response.getCoyoteResponse().action(org.apache.coyote.ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            SecurityHeaders.addMissing(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page.html(status, PlainErrorPage.newReference()));
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was committed: nothing left to tell
        }
    }
}
