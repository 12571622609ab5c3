/**
 * HTTP hardening shared by every route: bounded and timed request bodies, per-client rate and concurrency
 * limits on the expensive public endpoints, login throttling, the one JSON error contract (Spring's
 * {@code /error} and Tomcat's own error pages), Tomcat's connection, header and body timeouts, and the cap
 * on anonymous sessions. Spring Security's chains (admin module) put these filters in place.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.weightscope.web;
