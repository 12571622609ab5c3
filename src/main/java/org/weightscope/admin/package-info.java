/**
 * The admin area behind login: Spring Security with Vaadin's configurer (form login for the views, HTTP
 * Basic for {@code /api/admin/**}), the admin password, and the admin actions (run now, pause/resume a
 * source, re-apply attribution, watchlists) as views and REST endpoints.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "scheduling", "catalogue", "alerts", "ingest", "dashboard", "exposure"})
package org.weightscope.admin;
