package org.weightscope.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After a request whose body was refused ({@link BodyLimitFilter#REFUSED}), tells Tomcat not to read and
 * discard the rest of it: the connection is closed once the answer is out, instead of staying open for a
 * client that sends slowly or endlessly.
 */
class RefusedBodyValve extends ValveBase {

    RefusedBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (request.getAttribute(BodyLimitFilter.REFUSED) != null) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
