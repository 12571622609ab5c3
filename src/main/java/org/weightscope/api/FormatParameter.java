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
 * Documents the {@code format} parameter and the Accept header of an answer that comes as JSON or CSV in the
 * OpenAPI document. Both are read from the request ({@link Params#csv(jakarta.servlet.http.HttpServletRequest)}),
 * so neither is a method argument.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
    @Parameter(
            name = "format",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string"),
            description = "json (default) or csv"),
    @Parameter(name = "Accept", in = ParameterIn.HEADER, schema = @Schema(type = "string"))
})
@interface FormatParameter {}
