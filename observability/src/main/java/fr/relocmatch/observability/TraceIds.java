package fr.relocmatch.observability;

import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/** The trace the current thread works for: a request's, a Kafka record's, or none. */
public class TraceIds {

    private final Tracer tracer;

    public TraceIds(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current trace id (32 hex digits), empty outside any span. */
    public Optional<String> current() {
        Span span = tracer.currentSpan();
        return span == null ? Optional.empty() : Optional.of(span.context().traceId());
    }
}
