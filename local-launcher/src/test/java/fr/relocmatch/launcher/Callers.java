package fr.relocmatch.launcher;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TestIssuer;

/**
 * Who the end-to-end tests call the services as: the demo people of the issuer in the test's JVM
 * ({@link TestIssuer}), which the services started from their jars are pointed at.
 */
final class Callers {

    /** The région 28 referent: adviser and admin. */
    static final String REFERENT = TestIssuer.REFERENT;

    private Callers() {
    }

    /** The issuer and link key every service started by a test gets. */
    static Access access() {
        return new Access(TestIssuer.get().uri(), "test-link-key-of-the-end-to-end-services");
    }

    /** A client of a service started by a test, calling as this demo person or partner. */
    static JsonApi api(String baseUrl, String login) {
        return new JsonApi(baseUrl).as(token(login));
    }

    static String token(String login) {
        return TestIssuer.get().token(login);
    }
}
