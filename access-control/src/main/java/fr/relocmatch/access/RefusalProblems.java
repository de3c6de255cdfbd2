package fr.relocmatch.access;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals as RFC 9457 problem details: 401 when the token is missing, forged, expired or for
 * another audience (with the standard {@code WWW-Authenticate: Bearer} header), 403 when the
 * caller may not do this. Neither says more than the caller may know.
 */
public final class RefusalProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** No valid token. */
    public static final URI UNAUTHENTICATED = URI.create("https://relocmatch.fr/problems/unauthenticated");
    /** A valid token that does not allow this. */
    public static final URI FORBIDDEN = URI.create("https://relocmatch.fr/problems/forbidden");

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final JsonMapper json;

    public RefusalProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        bearer.commence(request, response, refusal);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "A valid access token from the RelocMatch issuer is required (Authorization: Bearer …).");
        problem.setTitle("Not authenticated");
        problem.setType(UNAUTHENTICATED);
        write(request, response, problem);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException {
        ProblemDetail problem = forbidden(refusal.getMessage());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        write(request, response, problem);
    }

    static ProblemDetail forbidden(String needed) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                needed == null || needed.isBlank() || needed.equals("Access Denied")
                        ? "Your roles and régions do not allow this." : needed);
        problem.setTitle("Not allowed");
        problem.setType(FORBIDDEN);
        return problem;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
