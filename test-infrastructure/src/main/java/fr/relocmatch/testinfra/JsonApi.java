package fr.relocmatch.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for a service's JSON API, as an external client would call it. */
public final class JsonApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String accessToken;

    /** Without credentials: every call but to health, reference data and API documents is refused (401). */
    public JsonApi(String baseUrl) {
        this(baseUrl, null);
    }

    private JsonApi(String baseUrl, String accessToken) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    /** The same service, called with this access token ({@code Authorization: Bearer}). */
    public JsonApi as(String token) {
        return new JsonApi(baseUrl, token);
    }

    /** The same service, called without credentials. */
    public JsonApi anonymous() {
        return new JsonApi(baseUrl, null);
    }

    public static JsonApi onLocalPort(int port) {
        return new JsonApi("http://127.0.0.1:" + port);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Posts an object serialised as JSON. */
    public Response post(String path, Object body) {
        return postRaw(path, JSON.writeValueAsString(body));
    }

    /** Puts an object serialised as JSON, with an {@code If-Match} header when given. */
    public Response put(String path, Object body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** Sends a JSON Merge Patch (RFC 7396), with an {@code If-Match} header when given. */
    public Response patch(String path, Object patch, String ifMatch) {
        return send(path, "PATCH", "application/merge-patch+json",
                patch instanceof String text ? text : JSON.writeValueAsString(patch), ifMatch);
    }

    /** Deletes, with an {@code If-Match} header when given. */
    public Response delete(String path, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** Sends any body with its content type, e.g. a CSV file. */
    public Response send(String path, String method, String contentType, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** Posts bytes as they are, e.g. a CSV file in Windows-1252. */
    public Response postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Posts a body as given, to test malformed input. */
    public Response postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("X-Trace-Id").orElse(null));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the service answered; {@code traceId} is the request's trace, as the service names it. */
    public record Response(int status, String body, String contentType, String location, String etag, String traceId) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Parses JSON text, e.g. a Kafka record value. */
    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
