package fr.relocmatch.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Optimistic locking over HTTP: a document's version is its {@code ETag} ({@code "3"}); a client
 * sends it back in {@code If-Match}, and a write on a newer version answers 412.
 */
public final class VersionTags {

    private VersionTags() {
    }

    /** The ETag of a resource at a version. */
    public static String etag(Long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names (weak or strong), or null without one.
     *
     * @param what what the ETag is of, for the error ("profile", "demand")
     */
    public static Long expected(String ifMatch, String what) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            throw InvalidInputException.of("If-Match", "must be the ETag of the " + what + ", e.g. \"3\"");
        }
    }

    /** Throws 412 when the client edited another version than the stored one. */
    public static void check(String id, Long version, Long expected, String what) {
        if (expected != null && !expected.equals(version)) {
            throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, ProblemDetail.forStatusAndDetail(
                    HttpStatus.PRECONDITION_FAILED, what + " " + id + " is at version "
                            + version + ", not " + expected + "; read it again and retry."), null);
        }
    }
}
