package org.weightscope.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the {@code filter.<dimension>} parameters in the OpenAPI document. They are read from the
 * parameter map (one per dimension, checked in {@link Params#filters}), so they are not method arguments.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
    @Parameter(
            name = "filter.origin",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string"),
            description = "ISO 3166-1 alpha-2 codes or unattributed, comma-separated (in the request's view)"),
    @Parameter(
            name = "filter.organisation",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string"),
            description = "organisation registry ids, comma-separated"),
    @Parameter(
            name = "filter.sector",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string"),
            description = "sector ids, e.g. code, biomedical"),
    @Parameter(
            name = "filter.hardware-class",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string"),
            description = "edge, consumer-gpu, datacenter-gpu, multi-gpu, cluster, unknown"),
    @Parameter(
            name = "filter.licence-class",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string"),
            description =
                    "effective licence class along the lineage: permissive, copyleft, open-weights-restricted, non-commercial, unknown"),
    @Parameter(
            name = "filter.hub",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string"),
            description = "huggingface, modelscope, openrouter, ollama")
})
@interface FilterParameters {}
