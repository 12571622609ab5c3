package org.weightscope.exposure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.XmlParser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A CycloneDX XML BOM. It is first parsed by a DOM parser hardened against XXE, entity expansion (billion
 * laughs) and XInclude, so nothing else ever sees a DOCTYPE; components nested deeper than
 * {@link BomComponents#MAX_DEPTH} are cut; then the BOM is validated against the XSD of its namespace's
 * version and read by cyclonedx-core-java.
 */
final class CycloneDxXml {

    private static final String CDX_NS = "http://cyclonedx.org/schema/bom/";

    private final int maxComponents;

    CycloneDxXml(int maxComponents) {
        this.maxComponents = maxComponents;
    }

    List<InventoryItem> read(byte[] content, List<Problem> problems) {
        Document doc = parse(content);
        Element root = doc.getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"bom".equals(root.getLocalName()) || ns == null || !ns.startsWith(CDX_NS)) {
            throw InventoryParser.unknownFormat("XML whose root element is <" + References.excerpt(root.getTagName())
                    + "> in namespace " + (ns == null ? "(none)" : References.excerpt(ns)) + ", not a CycloneDX <bom>");
        }
        String specVersion = ns.substring(CDX_NS.length());
        if (!BomSchemas.supported(specVersion)) throw BomSchemas.unsupported(specVersion);
        int[] count = {0};
        boolean cut = cut(root, 1, count);
        byte[] checked = cut ? serialize(doc) : content;
        BomSchemas.validateXml(checked, specVersion);
        Bom bom;
        try {
            bom = new XmlParser().parse(checked);
        } catch (ParseException e) {
            bom = withoutModelCards(doc, specVersion, e);
            problems.add(Problem.warning(
                    0,
                    "The BOM's model cards could not be read (" + References.excerpt(rootCause(e))
                            + "); the models were read without them."));
        }
        return new BomComponents(maxComponents, problems).read(bom, cut);
    }

    /**
     * cyclonedx-core-java 11.0.1 cannot bind some valid XML model cards (a dataset given as {@code <ref>}):
     * the models still count, so they are read once more without their model cards.
     */
    private static Bom withoutModelCards(Document doc, String specVersion, ParseException first) {
        NodeList cards = doc.getElementsByTagNameNS("*", "modelCard");
        if (cards.getLength() == 0) throw unreadable(specVersion, first);
        for (int i = cards.getLength() - 1; i >= 0; i--) {
            Node card = cards.item(i);
            card.getParentNode().removeChild(card);
        }
        try {
            return new XmlParser().parse(serialize(doc));
        } catch (ParseException e) {
            throw unreadable(specVersion, e);
        }
    }

    private static InventoryException unreadable(String specVersion, ParseException e) {
        return new InventoryException(
                "The BOM is valid CycloneDX " + specVersion + " but could not be read: "
                        + References.excerpt(rootCause(e)),
                e);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * A CycloneDX BOM never needs a DOCTYPE, so any DOCTYPE is refused outright rather than parsed with limits.
     */
    static DocumentBuilder secureXml() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try {
                f.setAttribute("jdk.xml.maxElementDepth", "256");
            } catch (IllegalArgumentException notJdkParser) {
                // another JAXP implementation: the cut at MAX_DEPTH still bounds what is validated and read
            }
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            // The default handler prints to stderr; errors are reported to the user instead.
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            // the JDK parser supports all of the above; failing here is a deployment bug, not bad input
            throw new IllegalStateException("cannot configure a secure XML parser", e);
        }
    }

    private static Document parse(byte[] content) {
        try {
            return secureXml().parse(new InputSource(new ByteArrayInputStream(content)));
        } catch (SAXParseException e) {
            String msg = Objects.toString(e.getMessage(), "");
            if (msg.contains("DOCTYPE")) {
                throw new InventoryException(
                        "XML with a DOCTYPE or entity declaration is refused: such declarations enable "
                                + "external entities (XXE) and entity expansion attacks, and a CycloneDX BOM never needs one. "
                                + "Remove the <!DOCTYPE …> and upload again.",
                        e);
            }
            throw new InventoryException(
                    "Not well-formed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): "
                            + References.excerpt(msg),
                    e);
        } catch (SAXException e) {
            throw new InventoryException("The XML could not be read: " + References.excerpt(e.getMessage()), e);
        } catch (IOException e) {
            throw new InventoryException("The XML could not be read.", e);
        }
    }

    /** Drops {@code <components>} nested deeper than the limit; counts the rest against the component limit. */
    private boolean cut(Element parent, int depth, int[] count) {
        Element list = child(parent, "components");
        if (list == null) return false;
        if (depth > BomComponents.MAX_DEPTH) {
            parent.removeChild(list);
            return true;
        }
        boolean cut = false;
        for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && "component".equals(c.getLocalName())) {
                if (++count[0] > maxComponents) throw BomComponents.tooMany(maxComponents);
                cut |= cut(c, depth + 1, count);
            }
        }
        return cut;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return e;
        }
        return null;
    }

    private static byte[] serialize(Document doc) {
        try {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write back a parsed BOM", e);
        }
    }
}
