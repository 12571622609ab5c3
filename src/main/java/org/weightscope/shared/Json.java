package org.weightscope.shared;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson 2 configuration of our own code: documents, hub responses, YAML definitions and uploads all
 * read and write through these. ISO-8601 dates; unknown fields are tolerated, because stored documents and hub
 * answers gain fields over time. Jackson's default {@code StreamReadConstraints} (nesting depth, number and
 * string length) stay on. Spring MVC and Vaadin use Spring Boot's Jackson 3 mapper for their own HTTP bodies;
 * Jackson 2 is still on the class path for the Elasticsearch client's mapper and the CycloneDX model.
 */
public final class Json {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectMapper STRICT_YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    /** JSON: documents, hub answers, chart options, uploads. Thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** YAML read into trees or maps (rule files, model-card front matter, dashboards). */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** YAML bound to records where a misspelt key must be an error naming it (source definitions). */
    public static ObjectMapper strictYaml() {
        return STRICT_YAML;
    }
}
