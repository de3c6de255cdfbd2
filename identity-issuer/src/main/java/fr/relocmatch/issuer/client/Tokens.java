package fr.relocmatch.issuer.client;

import java.net.URLDecoder;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets access tokens from an OpenID Connect issuer as its clients do: a person through the
 * authorization code flow with PKCE (logging in on the issuer's form, as a browser would), a
 * partner through client credentials. For the launcher's demo data and the tests;
 * {@code scripts/token.sh} does the same with curl.
 */
public final class Tokens {

    /** The public client people log in through, with its registered redirect. */
    public static final String CLI_CLIENT = "relocmatch-cli";
    public static final String CLI_REDIRECT = "http://127.0.0.1/token-callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String issuer;

    public Tokens(String issuer) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** A person's access token, after logging in with their password. */
    public String person(String username, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        String authorize = issuer + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLI_CLIENT,
                "redirect_uri", CLI_REDIRECT, "scope", "openid email", "state", state, "code_challenge",
                challenge(verifier), "code_challenge_method", "S256"));
        send(browser, get(authorize), 302);
        HttpResponse<String> loginPage = send(browser, get(issuer + "/login"), 200);
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("The issuer's login page has no CSRF token");
        }
        HttpResponse<String> loggedIn = send(browser, post(issuer + "/login", Map.of("username", username,
                "password", password, "_csrf", csrf.group(1)), null), 302);
        String next = location(loggedIn);
        if (next.contains("error")) {
            throw new IllegalArgumentException("The issuer refused the login of " + username);
        }
        HttpResponse<String> redirected = send(browser, get(next.startsWith("http") ? next : issuer + next), 302);
        String callback = location(redirected);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        if (!callback.startsWith(CLI_REDIRECT) || !code.find()) {
            throw new IllegalStateException("The issuer did not answer with a code: " + callback);
        }
        return accessToken(send(browser, post(issuer + "/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri",
                CLI_REDIRECT, "client_id", CLI_CLIENT, "code_verifier", verifier), null), 200));
    }

    /** A partner organisation's access token (client credentials). */
    public String partner(String clientId, String secret) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return accessToken(send(http, post(issuer + "/oauth2/token", Map.of("grant_type", "client_credentials"),
                "Basic " + basic), 200));
    }

    private static String accessToken(HttpResponse<String> response) {
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("No access token in the issuer's answer");
        }
        return token.group(1);
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(String uri, Map<String, String> fields, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + " (expected " + expected + ")");
            }
            return response;
        }
        catch (IOException e) {
            throw new IllegalStateException("The issuer at " + request.uri().getAuthority() + " cannot be reached", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("No redirect"));
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
