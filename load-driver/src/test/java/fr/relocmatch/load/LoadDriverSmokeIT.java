package fr.relocmatch.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The load driver in a small configuration, as CI runs it: a smoke run of every phase on the real
 * stack (not a timing — its numbers on a shared CI machine mean nothing).
 */
class LoadDriverSmokeIT {

    @Test
    @SuppressWarnings("unchecked")
    void everyPhaseRunsAndIsReported() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        LoadDriver.Options options = LoadDriver.Options.parse("--root=" + root, "--profiles=120", "--groups=3",
                "--rate=5", "--duration=4", "--probe-rate=20", "--out=load-driver/target/smoke-run");

        Map<String, Object> report = LoadDriver.run(options);

        Map<String, Object> profiles = (Map<String, Object>) report.get("profiles");
        assertThat(number(profiles.get("accepted"))).as("every synthetic profile is valid").isEqualTo(123);
        Map<String, Object> demands = (Map<String, Object>) report.get("demands");
        assertThat(number(demands.get("opened"))).as("every synthetic demand is valid and opened").isEqualTo(20);
        assertThat(number(demands.get("withAProposal"))).isPositive();
        assertThat(number(((Map<String, Object>) demands.get("openedToFirstProposalMs")).get("p99"))).isPositive();
        assertThat(number(((Map<String, Object>) demands.get("brokerProduceToConsumeMs")).get("count"))).isPositive();
        assertThat(number(demands.get("emails"))).isPositive();
        assertThat(number(((Map<String, Object>) report.get("plainConsumer")).get("records"))).isEqualTo(123);
        Map<String, Object> restart = (Map<String, Object>) report.get("restart");
        assertThat(number(restart.get("profilesIndexed"))).isEqualTo(123);
        assertThat(number(restart.get("liveHeapBytes"))).isPositive();
        assertThat(Files.readString(root.resolve("load-driver/target/smoke-run/report.md"))).contains("demands.opened | 20");
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
