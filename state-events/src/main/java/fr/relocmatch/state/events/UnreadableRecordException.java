package fr.relocmatch.state.events;

/**
 * A record no attempt can ever read: not JSON, not an object, without the identity and version
 * its consumer works by, or with a value of the wrong type (see {@link InboundRecords#read}). Not
 * retried: the binder sends it to the service's dead-letter topic at once, with this message —
 * which names every offending field — as the reason. Every service lists it
 * in {@code spring.cloud.stream.default.consumer.retryable-exceptions} as not retryable.
 */
public class UnreadableRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
