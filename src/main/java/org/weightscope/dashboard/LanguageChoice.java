package org.weightscope.dashboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The UI language from the URL: {@code ?lang=en} or {@code ?lang=zh} chooses it (and keeps it for the session), so
 * a permalink carries its language. Every page's {@code <html lang>} follows the language shown.
 */
@Component
class LanguageChoice implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            UI ui = e.getUI();
            // before any view is built (views translate in their constructors): the URL's lang=, else the session's
            Locale chosen = fromRequest(com.vaadin.flow.server.VaadinRequest.getCurrent());
            VaadinSession session = VaadinSession.getCurrent();
            if (chosen != null && session != null) {
                session.setAttribute(Locale.class, chosen);
                session.setLocale(chosen);
            }
            Locale kept = session == null ? null : session.getAttribute(Locale.class);
            if (kept != null) {
                ui.setLocale(kept);
            }
            ui.addBeforeEnterListener(LanguageChoice::fromUrl);
            ui.addAfterNavigationListener(nav -> htmlLang(ui));
        });
    }

    static void fromUrl(BeforeEnterEvent event) {
        List<String> lang =
                event.getLocation().getQueryParameters().getParameters().get("lang");
        Locale chosen = lang == null || lang.isEmpty() ? null : of(lang.get(0));
        if (chosen == null) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(Locale.class, chosen);
            session.setLocale(chosen);
        }
        event.getUI().setLocale(chosen);
    }

    /** {@code lang=} of the page request, or of the {@code location} the client's init request names. */
    static Locale fromRequest(com.vaadin.flow.server.VaadinRequest request) {
        if (request == null) {
            return null;
        }
        String lang = request.getParameter("lang");
        String location = request.getParameter("location");
        if (lang == null && location != null && location.contains("?")) {
            for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
                if (pair.startsWith("lang=")) {
                    lang = pair.substring(5);
                }
            }
        }
        return lang == null ? null : of(lang);
    }

    static Locale of(String tag) {
        return switch (tag) {
            case "zh", "zh-CN", "zh-Hans" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> null;
        };
    }

    static void htmlLang(UI ui) {
        String tag = ui.getLocale() != null && ui.getLocale().getLanguage().equals("zh") ? "zh-CN" : "en";
        ui.getPage().executeJs("document.documentElement.lang = $0", tag);
    }
}
