package fr.relocmatch.testinfra;

import java.util.HashMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The README's "who may do what" table, as a test: every row of a service is an endpoint, every
 * column a caller; each cell's status is what the service must answer that caller. A refusal (401,
 * 403) must be problem details and leave the record as it was. The service's endpoints and the
 * table's rows must be the same set, so that a new endpoint cannot be left out of either.
 */
public final class AccessMatrix {

    /** The callers, as the table's columns name them, with the demo login each one calls as. */
    public enum Column {
        NO_TOKEN("no token", null),
        ADVISER("adviser", TestIssuer.ADVISER_28),
        ADVISER_OTHER_REGION("adviser, other région", TestIssuer.ADVISER_32),
        REGION_ADMIN("région admin", TestIssuer.ADMIN_28),
        AUDITOR("auditor", TestIssuer.AUDITOR_28),
        PARTNER_OWN("partner, own", TestIssuer.PARTNER),
        PARTNER_OTHER("partner, other", TestIssuer.OTHER_PARTNER),
        MONITORING("monitoring", TestIssuer.MONITORING);

        private final String heading;
        private final String login;

        Column(String heading, String login) {
            this.heading = heading;
            this.login = login;
        }

        /** The demo login, {@code null} for no token. */
        public String login() {
            return login;
        }
    }

    /** One row: an endpoint of a service, and the status each caller gets. */
    public record Row(String service, String method, String path, Map<Column, Integer> expected) {

        public String endpoint() {
            return method + " " + path;
        }
    }

    /**
     * One try of an endpoint on a record prepared for it.
     *
     * @param path the concrete path, query included
     * @param contentType of the body, {@code null} without one
     * @param state reads what a refusal must leave unchanged (as an admin would see it)
     */
    public record Attempt(String method, String path, String contentType, String body, Supplier<Object> state) {

        public static Attempt get(String path) {
            return new Attempt("GET", path, null, null, () -> null);
        }

        public static Attempt json(String method, String path, String body, Supplier<Object> state) {
            return new Attempt(method, path, "application/json", body, state);
        }
    }

    private static final Pattern STATUS = Pattern.compile("^(\\d{3})\\b");
    private static final Pattern ENDPOINT = Pattern.compile("^`(GET|POST|PUT|PATCH|DELETE) ([^`]+)`$");

    private AccessMatrix() {
    }

    /** The rows of the README's table for this service, and those of every service ({@code every}). */
    public static List<Row> rows(String service) {
        List<Row> rows = new ArrayList<>();
        List<Column> columns = null;
        for (String line : readme()) {
            if (!line.startsWith("| ")) {
                columns = null;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() > 2 && cells.get(0).equals("Service") && cells.get(1).equals("Endpoint")) {
                columns = cells.subList(2, cells.size()).stream().map(AccessMatrix::column).toList();
                continue;
            }
            if (columns == null || cells.get(0).startsWith("---")) {
                continue;
            }
            if (!cells.get(0).equals(service) && !cells.get(0).equals("every")) {
                continue;
            }
            Matcher endpoint = ENDPOINT.matcher(cells.get(1));
            if (!endpoint.matches()) {
                throw new IllegalStateException("README access table: not an endpoint: " + cells.get(1));
            }
            Map<Column, Integer> expected = new EnumMap<>(Column.class);
            for (int i = 0; i < columns.size(); i++) {
                Matcher status = STATUS.matcher(cells.get(i + 2));
                if (!status.find()) {
                    throw new IllegalStateException("README access table: no status in '" + cells.get(i + 2) + "'");
                }
                expected.put(columns.get(i), Integer.parseInt(status.group(1)));
            }
            rows.add(new Row(cells.get(0), endpoint.group(1), endpoint.group(2), expected));
        }
        if (rows.stream().noneMatch(row -> row.service().equals(service))) {
            throw new IllegalStateException("README access table has no row of service '" + service + "'");
        }
        return rows;
    }

    /** {@code METHOD /path/{var}} of every endpoint the service's own controllers answer. */
    public static Set<String> endpointsOf(ApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("fr.relocmatch")) {
                continue;
            }
            for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                for (String pattern : entry.getKey().getPatternValues()) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    /**
     * Calls every endpoint of the table as every caller and checks the answers.
     *
     * @param own by endpoint of the service ({@code METHOD /path/{var}}): prepares a fresh record and the request
     */
    public static void verify(int port, String service, Set<String> endpoints, Map<String, Supplier<Attempt>> own) {
        Map<String, Supplier<Attempt>> scenarios = new HashMap<>(own);
        // what every service answers the same way: reads without a record to prepare
        for (String path : List.of("/api/v1/audit", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                "/v3/api-docs")) {
            scenarios.putIfAbsent("GET " + path, () -> Attempt.get(path));
        }
        List<Row> rows = rows(service);
        Set<String> ownRows = new TreeSet<>(rows.stream().filter(row -> row.service().equals(service)).map(Row::endpoint)
                .toList());
        Set<String> documented = new TreeSet<>(rows.stream().map(Row::endpoint).toList());
        assertThat(documented).as("every endpoint of %s is in README's access table", service).containsAll(endpoints);
        assertThat(endpoints).as("every row of %s in README's access table is an endpoint of it", service)
                .containsAll(ownRows);
        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows) {
            Supplier<Attempt> scenario = scenarios.get(row.endpoint());
            assertThat(scenario).as("a scenario for %s", row.endpoint()).isNotNull();
            Attempt prepared = null;
            for (Column column : Column.values()) {
                // a refused call changes nothing (checked below): its record serves the next caller
                Attempt attempt = prepared != null ? prepared : scenario.get();
                Object before = attempt.state().get();
                JsonApi api = column.login() == null ? JsonApi.onLocalPort(port)
                        : SharedInfrastructure.get().api(port, column.login());
                JsonApi.Response answer = api.send(attempt.path(), attempt.method(), attempt.contentType(),
                        attempt.body(), null);
                int expected = row.expected().get(column);
                softly.assertThat(answer.status()).as("%s as %s: %s", row.endpoint(), column.heading, answer.body())
                        .isEqualTo(expected);
                prepared = answer.status() == 401 || answer.status() == 403 ? attempt : null;
                if (expected == 401 || expected == 403) {
                    softly.assertThat(answer.contentType()).as("%s as %s: a problem document", row.endpoint(),
                            column.heading).startsWith("application/problem+json");
                    softly.assertThat(attempt.state().get()).as("%s as %s changes nothing", row.endpoint(),
                            column.heading).isEqualTo(before);
                }
            }
        }
        softly.assertAll();
    }

    private static Column column(String heading) {
        for (Column column : Column.values()) {
            if (column.heading.equals(heading)) {
                return column;
            }
        }
        throw new IllegalStateException("README access table: unknown column '" + heading + "'");
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** The project's README, found from the module directory the tests run in. */
    private static List<String> readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        Objects.requireNonNull(dir, "no README.md above the working directory");
        try {
            return Files.readAllLines(dir.resolve("README.md"), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
