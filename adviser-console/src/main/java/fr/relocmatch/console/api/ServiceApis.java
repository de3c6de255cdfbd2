package fr.relocmatch.console.api;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.List;
import java.util.Map;

import fr.relocmatch.console.ConsoleProperties;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The calls the console makes to the four services, each with the signed-in person's access token
 * (token relay, refreshed when it expires): the console sees exactly what the API lets the person
 * see. A refusal arrives as {@link ApiProblem}.
 */
@Component
public class ServiceApis {

    private static final ParameterizedTypeReference<Results<Demand>> DEMANDS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Results<Company>> COMPANIES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Match>> MATCHES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Notification>> NOTIFICATIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> ENTRIES = new ParameterizedTypeReference<>() {
    };

    private final RestClient company;
    private final RestClient demand;
    private final RestClient matching;
    private final RestClient notification;
    /** notification-service without a person's token: the signed link of an e-mail is the authorisation. */
    private final RestClient notificationByLink;
    /** company-service without a person's token: the signed link of a reminder is the authorisation. */
    private final RestClient companyByLink;

    ServiceApis(RestClient.Builder builder, OAuth2AuthorizedClientManager authorizedClients,
            ConsoleProperties properties, JsonMapper json) {
        OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        relay.setClientRegistrationIdResolver(request -> properties.registrationId());
        RestClient.Builder plain = builder.clone()
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw ApiProblem.read(response, json);
                });
        this.notificationByLink = plain.clone().baseUrl(properties.services().notification()).build();
        this.companyByLink = plain.clone().baseUrl(properties.services().company()).build();
        RestClient.Builder base = plain.clone().requestInterceptor(relay);
        this.company = base.clone().baseUrl(properties.services().company()).build();
        this.demand = base.clone().baseUrl(properties.services().demand()).build();
        this.matching = base.clone().baseUrl(properties.services().matching()).build();
        this.notification = base.clone().baseUrl(properties.services().notification()).build();
    }

    // demand-service

    public Results<Demand> demands(MultiValueMap<String, String> filters) {
        return demand.get().uri(uri -> query(uri.path("/api/v1/demands"), filters)).retrieve().body(DEMANDS);
    }

    public Demand demand(String id) {
        return demand.get().uri("/api/v1/demands/{id}", id).retrieve().body(Demand.class);
    }

    public Demand createDemand(Map<String, Object> body) {
        return demand.post().uri("/api/v1/demands").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(Demand.class);
    }

    /** Replaces a demand's content, if it is still at the version the form was filled from (412 otherwise). */
    public Demand replaceDemand(String id, long version, Map<String, Object> body) {
        return demand.put().uri("/api/v1/demands/{id}", id).header("If-Match", "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Demand.class);
    }

    /**
     * Moves a demand in its lifecycle ({@code open}, {@code discussion}, {@code fulfil},
     * {@code cancel}), if it is still at the version the page showed (412 otherwise).
     */
    public Demand move(String id, String move, long version, String reason) {
        RestClient.RequestBodySpec request = demand.post().uri("/api/v1/demands/{id}/{move}", id, move)
                .header("If-Match", "\"" + version + "\"");
        if (reason != null && !reason.isBlank()) {
            request.contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason));
        }
        return request.retrieve().body(Demand.class);
    }

    /** Processes that make the product of a CPF or HS/CN code. */
    public Map<String, Object> processSuggestions(String scheme, String code) {
        return demand.get().uri(uri -> uri.path("/api/v1/demands/process-suggestions")
                .queryParam(scheme.equals("CPF") ? "cpf" : "hs", code).build()).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }

    // matching-service

    public List<Match> matchesOfDemand(String demandId) {
        return matching.get().uri(uri -> uri.path("/api/v1/matches").queryParam("demandId", demandId).build()).retrieve()
                .body(MATCHES);
    }

    public List<Match> matchesOfCompany(String companyId) {
        return matching.get().uri(uri -> uri.path("/api/v1/matches").queryParam("companyId", companyId).build())
                .retrieve().body(MATCHES);
    }

    public Match match(String matchId) {
        return matching.get().uri("/api/v1/matches/{id}", matchId).retrieve().body(Match.class);
    }

    /** A decision; a rejection names a listed reason ({@code reasonCode}), the adviser's words may add to it. */
    public Match decide(String matchId, String decision, String reasonCode, String reason) {
        Map<String, String> body = given("decision", decision, "reasonCode", reasonCode, "reason", reason);
        return matching.post().uri("/api/v1/matches/{id}/decision", matchId).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Match.class);
    }

    /** The next step of an accepted match's outcome, on the day given; to abandon, a listed reason. */
    public Match recordOutcome(String matchId, String step, java.time.LocalDate on, String reasonCode, String reason) {
        Map<String, String> body = given("step", step, "on", on == null ? null : on.toString(), "reasonCode", reasonCode,
                "reason", reason);
        return matching.post().uri("/api/v1/matches/{id}/outcomes", matchId).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Match.class);
    }

    /** A JSON body of the fields given, in order: those left null are left out. */
    private static Map<String, String> given(String... namesAndValues) {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    /** The programme figures of the région matching-service serves, over the days from {@code from} to {@code to}. */
    public Map<String, Object> programmeFigures(java.time.LocalDate from, java.time.LocalDate to) {
        return matching.get().uri(uri -> uri.path("/api/v1/programme/figures").queryParam("from", from)
                .queryParam("to", to).build()).retrieve().body(new ParameterizedTypeReference<>() {
                });
    }

    // company-service

    public Results<Company> companies(MultiValueMap<String, String> filters) {
        return company.get().uri(uri -> query(uri.path("/api/v1/companies"), filters)).retrieve().body(COMPANIES);
    }

    public Company company(String id) {
        return company.get().uri("/api/v1/companies/{id}", id).retrieve().body(Company.class);
    }

    /** The kinds of demand a supplier is not interested in, all of them (an empty list clears them). */
    public Company notInterested(String id, long version, List<Map<String, String>> kinds) {
        return company.put().uri("/api/v1/companies/{id}/not-interested", id).header("If-Match", "\"" + version + "\"")
                .body(Map.of("kinds", kinds)).retrieve().body(Company.class);
    }

    public Company confirm(String id, long version) {
        return company.post().uri("/api/v1/companies/{id}/confirm", id).header("If-Match", "\"" + version + "\"")
                .retrieve().body(Company.class);
    }

    /**
     * Imports one chunk of a CSV (its header line, then rows) from the given line number of the
     * whole file: {@code {rows, created, updated, unchanged, rejected, rejections: [{line, siret, errors}]}}.
     */
    public Map<String, Object> importCompanies(String chunk, String adviserEmail, int firstLine) {
        return company.post().uri(uri -> {
            uri.path("/api/v1/companies/import").queryParam("firstLine", firstLine);
            if (adviserEmail != null && !adviserEmail.isBlank()) {
                uri.queryParam("adviserEmail", adviserEmail.strip());
            }
            return uri.build();
        }).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(chunk).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }

    /** Entries of a reference vocabulary ({@code processes}, {@code naf}, {@code communes}) matching a text. */
    public List<Map<String, Object>> reference(String vocabulary, String text, int limit) {
        return company.get().uri(uri -> {
            uri.path("/api/v1/reference/{vocabulary}").queryParam("q", text);
            if (!vocabulary.equals("processes")) {
                uri.queryParam("limit", limit);
            }
            return uri.build(vocabulary);
        }).retrieve().body(ENTRIES);
    }

    // notification-service

    public List<Notification> myNotifications() {
        return notification.get().uri("/api/v1/notifications").retrieve().body(NOTIFICATIONS);
    }

    /** The région's adviser directory (its admins and auditors). */
    public List<Map<String, Object>> advisers() {
        return notification.get().uri("/api/v1/advisers").retrieve().body(ENTRIES);
    }

    public Map<String, Object> adviser(String email) {
        return notification.get().uri("/api/v1/advisers/{email}", email).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }

    public Map<String, Object> saveAdviser(String email, Map<String, Object> entry) {
        return notification.put().uri("/api/v1/advisers/{email}", email).contentType(MediaType.APPLICATION_JSON)
                .body(entry).retrieve().body(new ParameterizedTypeReference<>() {
                });
    }

    // notification-service, by the signed link of an e-mail (no login)

    public Map<String, Object> preferencesByLink(String token) {
        return notificationByLink.get().uri(uri -> uri.path("/api/v1/preferences").queryParam("token", token).build())
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
    }

    public Map<String, Object> savePreferencesByLink(String token, Map<String, Object> preferences) {
        return notificationByLink.put().uri(uri -> uri.path("/api/v1/preferences").queryParam("token", token).build())
                .contentType(MediaType.APPLICATION_JSON).body(preferences).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }

    public Map<String, Object> unsubscribeByLink(String token) {
        return notificationByLink.post().uri(uri -> uri.path("/api/v1/preferences/unsubscribe").queryParam("token", token)
                .build()).retrieve().body(new ParameterizedTypeReference<>() {
                });
    }

    // company-service, by the signed link of a reminder (no login)

    public Map<String, Object> profileByLink(String token) {
        return companyByLink.get().uri(uri -> uri.path("/api/v1/profile-confirmations").queryParam("token", token).build())
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
    }

    public Map<String, Object> confirmProfileByLink(String token) {
        return companyByLink.post().uri(uri -> uri.path("/api/v1/profile-confirmations").queryParam("token", token).build())
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
    }

    private static URI query(UriBuilder uri, MultiValueMap<String, String> filters) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        filters.forEach((name, values) -> values.stream().filter(value -> value != null && !value.isBlank())
                .forEach(value -> kept.add(name, value.strip())));
        return uri.queryParams(kept).build();
    }
}
