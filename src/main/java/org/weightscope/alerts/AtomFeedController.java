package org.weightscope.alerts;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.weightscope.shared.PublicBaseUrl;

/**
 * {@code GET /feeds/watchlists/{id}.atom}: the watchlist's latest alerts as an Atom feed (RFC 4287). Written
 * with a StAX writer, so model names and other hub text are always escaped. Anonymous, like the rest of the
 * public data: the watchlist id is a random UUID and the feed holds no secret.
 */
@RestController
class AtomFeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final String NS = "http://www.w3.org/2005/Atom";

    private final WatchlistService watchlists;

    private final PublicBaseUrl publicBase;

    AtomFeedController(WatchlistService watchlists, PublicBaseUrl publicBase) {
        this.publicBase = publicBase;
        this.watchlists = watchlists;
    }

    @GetMapping("/feeds/watchlists/{id}.atom")
    ResponseEntity<String> feed(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request)
            throws XMLStreamException {
        var watchlist = watchlists.find(id);
        if (watchlist.isEmpty()) {
            return ResponseEntity.status(404)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"no such watchlist\"}");
        }
        // the configured public base URL, never the caller's Host header
        String self = publicBase.url(request.getRequestURI(), request.getLocalPort());
        return ResponseEntity.ok().contentType(ATOM).body(atom(watchlist.get(), watchlists.alerts(id, 100), self));
    }

    static String atom(Watchlist w, List<Alert> alerts, String self) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("feed");
        x.writeDefaultNamespace(NS);
        text(x, "id", "urn:weightscope:watchlist:" + w.id());
        text(x, "title", "Weightscope watchlist: " + w.name());
        Instant updated = alerts.isEmpty() ? w.createdAt() : alerts.getFirst().raisedAt();
        text(x, "updated", String.valueOf(updated == null ? Instant.EPOCH : updated));
        x.writeEmptyElement("link");
        x.writeAttribute("rel", "self");
        x.writeAttribute("href", self);
        x.writeStartElement("author");
        text(x, "name", "Weightscope");
        x.writeEndElement();
        for (Alert a : alerts) {
            x.writeStartElement("entry");
            text(x, "id", "urn:weightscope:alert:" + a.id());
            text(x, "title", a.title());
            text(x, "updated", String.valueOf(a.raisedAt()));
            if (a.at() != null) text(x, "published", a.at().toString());
            text(x, "summary", a.summary() == null ? "" : a.summary());
            x.writeEmptyElement("category");
            x.writeAttribute("term", a.ruleType());
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
        return out.toString();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }
}
