package org.weightscope.web;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Tells the login throttle of every password check's outcome (form login and HTTP Basic alike). */
@Component
class LoginEvents {

    private final LoginThrottle throttle;
    private final Duration sessionTimeout;

    LoginEvents(LoginThrottle throttle, @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
        this.throttle = throttle;
        this.sessionTimeout = sessionTimeout;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication a = event.getAuthentication();
        throttle.failed(a.getName(), address(a));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication a = event.getAuthentication();
        throttle.succeeded(a.getName(), address(a));
        // a logged-in session gets the configured timeout again, not the anonymous one
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r) {
            HttpSession session = r.getRequest().getSession(false);
            if (session != null) session.setMaxInactiveInterval((int) sessionTimeout.toSeconds());
        }
    }

    private static String address(Authentication a) {
        return a.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
