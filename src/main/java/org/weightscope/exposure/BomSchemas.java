package org.weightscope.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.weightscope.shared.Json;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a BOM against the CycloneDX specification's own schema for its declared version: 1.4–1.6 from
 * cyclonedx-core-java, 1.7 from {@code resources/cyclonedx/1.7} (the library does not ship it yet). Compiled
 * schemas are kept, as they take a while to load. An invalid BOM is refused with the first few schema errors.
 */
final class BomSchemas {

    static final String SUPPORTED = "1.4–1.7";
    static final String LATEST = "1.7";
    private static final Map<String, Version> LIBRARY =
            Map.of("1.4", Version.VERSION_14, "1.5", Version.VERSION_15, "1.6", Version.VERSION_16);
    private static final String OWN = "/cyclonedx/1.7/";
    private static final int SHOWN_ERRORS = 3;

    private static final Map<String, JsonSchema> JSON_SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, Schema> XML_SCHEMAS = new ConcurrentHashMap<>();

    private BomSchemas() {}

    static boolean supported(String specVersion) {
        return LATEST.equals(specVersion) || LIBRARY.containsKey(specVersion);
    }

    static InventoryException unsupported(String specVersion) {
        return new InventoryException(
                "CycloneDX " + References.excerpt(specVersion) + " is not supported: upload a CycloneDX " + SUPPORTED
                        + " BOM (JSON or XML), e.g. re-exported from your SBOM tool with specVersion " + LATEST + ".");
    }

    /** @throws InventoryException naming the first schema errors when the BOM is not valid for its version */
    static void validateJson(JsonNode bom, String specVersion) {
        List<String> errors = jsonSchema(specVersion).validate(bom).stream()
                .sorted(Comparator.comparing(
                        (ValidationMessage m) -> m.getInstanceLocation().toString()))
                .map(ValidationMessage::getMessage)
                .toList();
        if (!errors.isEmpty()) throw invalid(specVersion, errors);
    }

    /** @throws InventoryException naming the first schema errors (with line and column) when the BOM is invalid */
    static void validateXml(byte[] bom, String specVersion) {
        List<String> errors = new ArrayList<>();
        try {
            Validator validator = xmlSchema(specVersion).newValidator();
            // the BOM's own xsi:schemaLocation hints are never fetched
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // the same element depth the hardened DOM parser allowed (newer JDKs default to 100)
            validator.setProperty("jdk.xml.maxElementDepth", "256");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) {
                    errors.add(at(e));
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(bom)));
        } catch (SAXParseException e) {
            errors.add(at(e));
        } catch (SAXException | IOException e) {
            throw new InventoryException(
                    "The XML could not be checked against the CycloneDX " + specVersion + " schema: "
                            + References.excerpt(e.getMessage()),
                    e);
        }
        if (!errors.isEmpty()) throw invalid(specVersion, errors);
    }

    private static InventoryException invalid(String specVersion, List<String> errors) {
        String shown = String.join(
                "; ",
                errors.subList(0, Math.min(SHOWN_ERRORS, errors.size())).stream()
                        .map(References::excerpt)
                        .toList());
        int more = errors.size() - SHOWN_ERRORS;
        return new InventoryException("The BOM is not valid CycloneDX " + specVersion + " (checked against the "
                + "specification's schema): " + shown + (more > 0 ? "; and " + more + " more" : "") + ". Fix the BOM, "
                + "or export it again from your SBOM tool.");
    }

    private static String at(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
    }

    private static JsonSchema jsonSchema(String specVersion) {
        return JSON_SCHEMAS.computeIfAbsent(specVersion, v -> {
            try {
                Version library = LIBRARY.get(v);
                if (library != null) return new JsonParser().getJsonSchema(library, Json.mapper());
                JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V7,
                        b -> b.schemaMappers(
                                m -> m.mapPrefix("http://cyclonedx.org/schema/", "classpath:cyclonedx/1.7/")));
                return factory.getSchema(SchemaLocation.of("classpath:cyclonedx/1.7/bom-1.7.SNAPSHOT.schema.json"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot load the CycloneDX " + v + " JSON schema", e);
            }
        });
    }

    private static Schema xmlSchema(String specVersion) {
        return XML_SCHEMAS.computeIfAbsent(specVersion, v -> {
            try {
                Version library = LIBRARY.get(v);
                if (library != null) return new XmlParser().getXmlSchema(library);
                // the SPDX schema first, so the BOM schema's import of its namespace is already resolved
                try (InputStream spdx = resource("spdx.SNAPSHOT.xsd");
                        InputStream bom = resource("bom-1.7.SNAPSHOT.xsd")) {
                    return new XmlParser().getXmlSchema(spdx, bom);
                }
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("cannot load the CycloneDX " + v + " XML schema", e);
            }
        });
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BomSchemas.class.getResourceAsStream(OWN + name);
        if (in == null) throw new IOException("missing resource " + OWN + name);
        return in;
    }
}
