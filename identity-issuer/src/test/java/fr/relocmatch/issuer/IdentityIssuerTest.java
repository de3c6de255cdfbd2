package fr.relocmatch.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import fr.relocmatch.issuer.client.Tokens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The embedded issuer gives people and partners the tokens the services authorise on. */
class IdentityIssuerTest {

    private static ConfigurableApplicationContext issuer;
    private static Tokens tokens;
    private static String uri;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        issuer = IdentityIssuerApplication.application().run("--server.port=" + port);
        uri = "http://127.0.0.1:" + port;
        tokens = new Tokens(uri);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void anAdviserLoggingInGetsATokenForTheServicesWithRolesRegionsAndEmail() {
        JsonNode claims = claims(tokens.person("conseiller.normandie", "demo"));

        assertThat(claims.path("iss").asString()).isEqualTo(uri);
        assertThat(claims.path("sub").asString()).isEqualTo("conseiller.normandie");
        assertThat(claims.path("aud").toString()).contains("relocmatch-api");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"ADVISER\"]");
        assertThat(claims.path("regions").toString()).isEqualTo("[\"28\"]");
        assertThat(claims.path("email").asString()).isEqualTo("grands-comptes@normandie.cci.fr");
    }

    @Test
    void aPartnerGetsATokenNamingItsSourceAndNoRegion() {
        JsonNode claims = claims(tokens.partner("partner-demo", "partner-demo-secret"));

        assertThat(claims.path("sub").asString()).isEqualTo("partner-demo");
        assertThat(claims.path("aud").toString()).contains("relocmatch-api");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"PARTNER\"]");
        assertThat(claims.path("partner").asString()).isEqualTo("/partners/demo");
        assertThat(claims.has("regions")).isFalse();
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> tokens.person("conseiller.normandie", "guess"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.partner("partner-demo", "guess")).isInstanceOf(IllegalStateException.class);
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.builder().build()
                .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
