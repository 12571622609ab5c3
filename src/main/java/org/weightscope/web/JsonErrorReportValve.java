package org.weightscope.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error page, as JSON: what answers errors Tomcat raises itself before any servlet runs (a
 * backslash or an encoded '/' in the path, a malformed request line, headers too large, …), so those get
 * the same {@code {"error"}} body as every other route instead of Tomcat's HTML report.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonErrors.body(JsonErrors.reason(status), null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone; nothing to report to
        }
    }

    /** Replaces the host's error report valves (Tomcat's default and Spring Boot's) by this one. */
    static void install(Container host) {
        if (host instanceof StandardHost h) {
            h.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
        boolean present = false;
        for (Valve v : host.getPipeline().getValves()) {
            if (v instanceof JsonErrorReportValve) {
                present = true;
            } else if (v instanceof ErrorReportValve) {
                host.getPipeline().removeValve(v);
            }
        }
        if (!present) host.getPipeline().addValve(new JsonErrorReportValve());
    }
}
