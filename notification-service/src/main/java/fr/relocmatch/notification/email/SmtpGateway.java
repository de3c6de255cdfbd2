package fr.relocmatch.notification.email;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.stereotype.Component;

/**
 * The way to the SMTP server: a rate limiter (messages per second), then a retry with
 * exponential backoff on transient failures, each attempt through a circuit breaker that stops
 * calling a server that keeps failing. All three are the {@code smtp} instances of resilience4j.*.
 */
@Component
class SmtpGateway {

    static final String NAME = "smtp";

    private final MatchMailer mailer;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final RateLimiter rateLimiter;

    SmtpGateway(MatchMailer mailer, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries,
            RateLimiterRegistry rateLimiters) {
        this.mailer = mailer;
        this.circuitBreaker = circuitBreakers.circuitBreaker(NAME);
        this.retry = retries.retry(NAME);
        this.rateLimiter = rateLimiters.rateLimiter(NAME);
    }

    /**
     * Sends, or throws: {@code CallNotPermittedException} while the circuit is open,
     * {@code RequestNotPermitted} when the rate limit is reached, the mail failure otherwise.
     */
    void send(NotificationDocument notification) {
        Runnable attempt = CircuitBreaker.decorateRunnable(circuitBreaker, () -> mailer.send(notification));
        Runnable withRetries = Retry.decorateRunnable(retry, attempt);
        RateLimiter.decorateRunnable(rateLimiter, withRetries).run();
    }

    CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }
}
