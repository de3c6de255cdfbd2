package fr.relocmatch.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.GeoPoint;
import fr.relocmatch.matching.domain.Supplier;
import fr.relocmatch.matching.domain.Weights;

import io.micrometer.observation.ObservationRegistry;

import org.junit.jupiter.api.Test;

class MatchingEngineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final GeoPoint ROUEN = new GeoPoint(49.4435, 1.1001);

    private final MatchBook book = mock(MatchBook.class);
    private final MatchingEngine engine = new MatchingEngine(book, configuredWeights(), new MatchingProperties(10, 0.3, 0.02, Weights.defaults()),
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC), ObservationRegistry.NOOP);

    private static WeightsBook configuredWeights() {
        WeightsBook weights = mock(WeightsBook.class);
        when(weights.applied()).thenReturn(new WeightsBook.Applied(0, Weights.defaults()));
        return weights;
    }

    @Test
    void aFailedRerankingIsDoneWhenTheSameVersionIsRedelivered() {
        engine.goLive();
        doThrow(new IllegalStateException("MongoDB unreachable")).doNothing().when(book).reconcile(any(), any(), any(), anyInt());

        assertThatThrownBy(() -> engine.onDemand(demand(1, true), 0)).hasMessageContaining("MongoDB");
        engine.onDemand(demand(1, true), 0); // the binder's retry of the same record

        verify(book, times(2)).reconcile(argThat(d -> d.version() == 1), any(), any(), anyInt());
    }

    @Test
    void nothingIsDecidedWhileTheTopicsAreReplayedThenEachDemandOnceAgainstWhatIsStored() {
        doNothing().when(book).reconcile(any(), any(), any(), anyInt());
        engine.onDemand(demand(0, false), 0); // the DRAFT snapshot, older, still in the log
        engine.onDemand(demand(1, true), 0);
        engine.onSupplier(supplier());
        verify(book, never()).reconcile(any(), any(), any(), anyInt());

        engine.goLive();

        verify(book, times(1)).reconcile(any(), any(), any(), anyInt());
        verify(book).reconcile(argThat(d -> d.version() == 1 && d.open()),
                argThat(candidates -> candidates.size() == 1 && candidates.getFirst().supplier().id().equals("s1")), any(), anyInt());
    }

    @Test
    void aDemandOfAPartitionStillBeingReadWaitsAndARevokedPartitionsDemandsAreForgotten() {
        doNothing().when(book).reconcile(any(), any(), any(), anyInt());
        engine.goLive();
        engine.demandPartitionsAssigned(List.of(1)); // handed over by a rebalance, read again from the start
        engine.onDemand(demand(0, false), 1);
        engine.onDemand(demand(1, true), 1);
        verify(book, never()).reconcile(any(), any(), any(), anyInt());

        engine.demandPartitionCaughtUp(1);
        verify(book, times(1)).reconcile(argThat(d -> d.version() == 1), any(), any(), anyInt());

        engine.demandPartitionsRevoked(List.of(1));
        assertThat(engine.demandIds()).isEmpty();
        engine.onSupplier(supplier()); // another instance owns the demand now
        verify(book, times(1)).reconcile(any(), any(), any(), anyInt());
    }

    private static Demand demand(long version, boolean open) {
        return new Demand("d1", version, "Linge", "Groupe", "g1", "552100554", Set.of("WEAVING"), Set.of(), List.of(),
                Set.of(), null, TODAY.plusMonths(3), null, Demand.Reach.RADIUS, ROUEN, 80, Set.of(), open, "gc@cci.fr");
    }

    private static Supplier supplier() {
        return new Supplier("s1", 1, "Tissages", "412345678", "13.20Z", Set.of("WEAVING"), Map.of(), Set.of(), Set.of(),
                null, ROUEN, "28", true, TODAY, "pme@cci.fr");
    }
}
