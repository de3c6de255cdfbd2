package fr.relocmatch.api;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * The head of each service's OpenAPI document — its name, what it does, its version — and the
 * RFC 9457 problem document every error answer carries, as {@code components.schemas.Problem}.
 */
public final class ApiDocument {

    private ApiDocument() {
    }

    public static OpenAPI of(String title, String description, String version) {
        return new OpenAPI().info(new Info().title(title).description(description).version(version));
    }

    /**
     * Adds the problem schema to a generated document (springdoc builds {@code components.schemas}
     * from the controllers, so it is added after, by an {@code OpenApiCustomizer}).
     */
    public static void addProblem(OpenAPI document) {
        if (document.getComponents() == null) {
            document.components(new Components());
        }
        document.getComponents().addSchemas("Problem", problem());
    }

    /** The problem document of {@link ProblemDetailsAdvice}: RFC 9457 members and {@code errors}. */
    private static Schema<?> problem() {
        ObjectSchema violation = new ObjectSchema();
        violation.addProperty("field", new StringSchema().description("the offending field, as a JSON path (certifications[0].code)"));
        violation.addProperty("message", new StringSchema().description("what is wrong with it"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details, media type application/problem+json");
        problem.addProperty("type", new StringSchema().format("uri")
                .description("https://relocmatch.fr/problems/invalid-input, …/malformed-body, …/concurrent-change, …"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().description("the HTTP status code"));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("errors", new ArraySchema().items(violation).description("one entry per offending field"));
        problem.required(List.of("type", "title", "status"));
        return problem;
    }
}
