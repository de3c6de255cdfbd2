package fr.relocmatch.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Every service's answers name their trace ({@value TraceIdHeader#NAME}), so that an adviser or a
 * partner can quote it and an operator find the request, and what it caused in the other services,
 * in the logs and the traces.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    TraceIds traceIds(Tracer tracer, Propagator propagator) {
        return new TraceIds(tracer, propagator);
    }

    @Bean
    @ConditionalOnBean(TraceIds.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    FilterRegistrationBean<TraceIdHeader> traceIdHeader(TraceIds traceIds) {
        FilterRegistrationBean<TraceIdHeader> registration = new FilterRegistrationBean<>(new TraceIdHeader(traceIds));
        // inside Boot's observation filter (highest precedence + 1), which opens the request's span
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
