package fr.relocmatch.console.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.client.ClientHttpResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * A service refused a call: its RFC 9457 problem details, read so that a page can show the
 * message at each field, or say plainly that the person may not do it (403), that it is gone (404)
 * or that someone changed it meanwhile (409, 412).
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<Violation> errors;

    public ApiProblem(int status, String title, String detail, List<Violation> errors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Reads a refusal's body; a body that is not problem details still gives its status. */
    static ApiProblem read(ClientHttpResponse response, JsonMapper json) throws IOException {
        int status = response.getStatusCode().value();
        try {
            Body body = json.readValue(response.getBody(), Body.class);
            return new ApiProblem(status, body.title() == null ? response.getStatusText() : body.title(), body.detail(),
                    body.errors());
        }
        catch (RuntimeException notProblemDetails) {
            return new ApiProblem(status, response.getStatusText(), null, List.of());
        }
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<Violation> errors() {
        return errors;
    }

    /** The messages by field, a list element's faults under the list's name ({@code requiredProcesses[0]} → {@code requiredProcesses}). */
    public Map<String, String> messagesByField() {
        Map<String, String> messages = new LinkedHashMap<>();
        for (Violation violation : errors) {
            String field = violation.field() == null ? "" : violation.field().replaceAll("\\[\\d+]", "");
            messages.merge(field, violation.message(), (a, b) -> a + "; " + b);
        }
        return messages;
    }

    /** One offending field, as the services name it (the JSON path of the request body). */
    public record Violation(String field, String message) {
    }

    record Body(String type, String title, Integer status, String detail, List<Violation> errors) {
    }
}
