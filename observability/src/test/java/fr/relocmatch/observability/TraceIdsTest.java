package fr.relocmatch.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work done later for a trace (a retried e-mail) joins it again from the stored {@code traceparent}. */
class TraceIdsTest {

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    private final TraceIds traces = new TraceIds(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void workDoneLaterJoinsTheTraceThatStoredIt() {
        String stored;
        String request;
        Span span = tracer.nextSpan().name("the request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            request = traces.current().orElseThrow();
            stored = traces.currentParent().orElseThrow();
        }
        finally {
            span.end();
        }
        assertThat(stored).matches("00-" + request + "-[0-9a-f]{16}-0[01]");
        assertThat(TraceIds.traceIdOf(stored)).contains(request);

        // later, on another thread's own trace (a scheduled retry)
        Span retry = tracer.nextSpan().name("retry run").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(retry)) {
            assertThat(traces.current().orElseThrow()).isNotEqualTo(request);
            assertThat(traces.within(stored, "e-mail attempt", traces::current)).contains(request);
            assertThat(traces.current()).as("the retry run's own trace again").contains(retry.context().traceId());
        }
        finally {
            retry.end();
        }
    }

    @Test
    void workWithoutAStoredTraceOrInItsOwnTraceRunsAsItIs() {
        assertThat(traces.within(null, "x", traces::current)).isEmpty();
        assertThat(TraceIds.traceIdOf("not a traceparent")).isEmpty();
        Span span = tracer.nextSpan().name("the record").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            String parent = traces.currentParent().orElseThrow();
            assertThat(traces.within(parent, "x", () -> tracer.currentSpan().context().spanId()))
                    .as("no extra span in the same trace").isEqualTo(span.context().spanId());
        }
        finally {
            span.end();
        }
        assertThat(TraceIds.NONE.current()).isEmpty();
        assertThat(TraceIds.NONE.currentParent()).isEmpty();
    }
}
