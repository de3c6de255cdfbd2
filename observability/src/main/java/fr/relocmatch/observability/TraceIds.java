package fr.relocmatch.observability;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The trace the current thread works for (a request's, a Kafka record's), and how work done later
 * for it — a retried e-mail, a relayed event — joins that trace again from the W3C
 * {@code traceparent} stored with it.
 */
public class TraceIds {

    /** No tracing: no trace id, work runs as it is. */
    public static final TraceIds NONE = new TraceIds(Tracer.NOOP, Propagator.NOOP);

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceIds(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace id (32 hex digits), empty outside any span. */
    public Optional<String> current() {
        return Optional.ofNullable(tracer.currentSpan()).map(span -> span.context().traceId())
                .filter(id -> !id.isEmpty());
    }

    /** The current span as a W3C {@code traceparent}, to store with work done later; empty outside any span. */
    public Optional<String> currentParent() {
        Span span = tracer.currentSpan();
        if (span == null || span.context().traceId().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("00-" + span.context().traceId() + "-" + span.context().spanId() + "-"
                + (Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00"));
    }

    /** The trace id of a stored {@code traceparent}, empty when there is none. */
    public static Optional<String> traceIdOf(String traceParent) {
        if (traceParent == null) {
            return Optional.empty();
        }
        String[] parts = traceParent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? Optional.of(parts[1]) : Optional.empty();
    }

    /**
     * Runs work for the trace of a stored {@code traceparent}: as it is when the thread already works
     * for that trace (or nothing was stored), else in a span {@code name} of that trace.
     */
    public <T> T within(String traceParent, String name, Supplier<T> work) {
        Optional<String> stored = traceIdOf(traceParent);
        if (stored.isEmpty() || stored.equals(current())) {
            return work.get();
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceParent), Map::get).name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        }
        catch (RuntimeException e) {
            span.error(e);
            throw e;
        }
        finally {
            span.end();
        }
    }
}
