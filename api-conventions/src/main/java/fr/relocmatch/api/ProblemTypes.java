package fr.relocmatch.api;

import java.net.URI;

/** The {@code type} URIs of RelocMatch problem details, documented in the README. */
public final class ProblemTypes {

    /** A field is missing, malformed or breaks a rule; see {@code errors}. */
    public static final URI INVALID_INPUT = URI.create("https://relocmatch.fr/problems/invalid-input");
    /** The body is not JSON or does not fit the expected shape. */
    public static final URI MALFORMED_BODY = URI.create("https://relocmatch.fr/problems/malformed-body");

    /** Someone else changed the resource between this request's read and its write: read it again and retry. */
    public static final URI CONCURRENT_CHANGE = URI.create("https://relocmatch.fr/problems/concurrent-change");

    private ProblemTypes() {
    }
}
