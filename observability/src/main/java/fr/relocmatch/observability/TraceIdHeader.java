package fr.relocmatch.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Writes the request's trace id in the answer, before the body, refusals and errors included. */
public class TraceIdHeader extends OncePerRequestFilter {

    /** The answer's header. */
    public static final String NAME = "X-Trace-Id";

    private final TraceIds traceIds;

    TraceIdHeader(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        traceIds.current().ifPresent(id -> response.setHeader(NAME, id));
        chain.doFilter(request, response);
    }
}
