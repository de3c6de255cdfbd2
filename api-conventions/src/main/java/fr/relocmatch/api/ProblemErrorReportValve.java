package fr.relocmatch.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat answers itself, before any controller sees the request — a request line that is
 * not valid HTTP (raw accents in a query: {@code ?q=évreux}), an oversized header — as RFC 9457
 * problem details instead of Tomcat's HTML page, without the server's name or a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** The request could not be read as HTTP. */
    public static final String MALFORMED_REQUEST = "https://relocmatch.fr/problems/malformed-request";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = status == 400
                ? "The request is not valid HTTP. Characters outside ASCII in the path or query must be "
                        + "percent-encoded in UTF-8 (évreux → %C3%A9vreux; curl --data-urlencode with -G does it)."
                : "The server could not handle this request.";
        String body = "{\"type\":\"" + MALFORMED_REQUEST + "\",\"title\":\"" + (status == 400 ? "Malformed request" : "Error")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken: nothing more to tell
        }
    }
}
