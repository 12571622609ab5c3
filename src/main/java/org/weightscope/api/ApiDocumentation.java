package org.weightscope.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read API's OpenAPI document: its description, and what every operation answers alike, added here
 * once rather than on each method: {@code 400} with the {@link ApiError} body (and a {@code 404} of an
 * operation that declares one gets the same body), and a CSV answer beside the JSON one wherever the
 * operation takes {@code format}.
 */
@Configuration
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Weightscope read API",
                        version = "v1",
                        description =
                                "Public, anonymous, read-only figures of the open-weight AI ecosystem as shown in the"
                                        + " Weightscope views. Every answer carries as_of, metric and metric_version (where a metric"
                                        + " applies), view, rule_version and a citation; CSV answers start with the citation as a '# ' line."
                                        + " Errors are {\"error\", \"parameter\"} JSON."),
        tags =
                @Tag(
                        name = ApiDocumentation.TAG,
                        description = "Adoption of open-weight models by origin, organisation, sector,"
                                + " hardware and licence class; model search and lookup. Every answer carries as_of,"
                                + " metric, view, rule_version and a citation. JSON by default; CSV with format=csv or"
                                + " Accept: text/csv."))
class ApiDocumentation {

    static final String TAG = "Weightscope read API";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    @Bean
    OpenApiCustomizer sharedAnswers() {
        return api -> {
            var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(ApiError.class);
            api.getComponents().addSchemas("ApiError", resolved.schema);
            Schema<?> error = new Schema<>().$ref("#/components/schemas/ApiError");
            api.getPaths().forEach((path, item) -> {
                if (path.startsWith(ApiController.BASE)) {
                    item.readOperations().forEach(op -> shared(op, error));
                }
            });
        };
    }

    private static void shared(Operation op, Schema<?> error) {
        var responses = op.getResponses();
        responses.computeIfAbsent("400", k -> new ApiResponse().description("bad parameter"));
        for (String code : new String[] {"400", "404"}) {
            ApiResponse r = responses.get(code);
            if (r != null) {
                r.setContent(new Content().addMediaType(JSON, new MediaType().schema(error)));
            }
        }
        boolean csv =
                op.getParameters() != null && op.getParameters().stream().anyMatch(p -> "format".equals(p.getName()));
        ApiResponse ok = responses.get("200");
        if (csv && ok != null && ok.getContent() != null) {
            ok.getContent().addMediaType("text/csv", new MediaType().schema(new StringSchema()));
        }
    }
}
