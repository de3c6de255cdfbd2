package fr.relocmatch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SharedValuesTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    private final SharedValues shared = new SharedValues();

    @Test
    void twoProfilesReadApartHoldOneCopyOfWhatTheyShare() {
        // as read from two records: equal values, every one its own copy
        Supplier first = shared.share(profile("a", "Atelier A"));
        Supplier second = shared.share(profile("b", "Atelier B"));

        assertThat(second.nafCode()).isSameAs(first.nafCode());
        assertThat(second.processes()).isSameAs(first.processes());
        assertThat(second.processes().iterator().next()).isSameAs(first.processes().iterator().next());
        assertThat(second.certifications()).isSameAs(first.certifications());
        assertThat(second.site()).isSameAs(first.site());
        assertThat(second.regionCode()).isSameAs(first.regionCode());
        assertThat(second.lastConfirmed()).isSameAs(first.lastConfirmed());
        assertThat(second.adviserEmail()).isSameAs(first.adviserEmail());
        assertThat(second.capacity().unit()).isSameAs(first.capacity().unit());
        // what is a profile's own stays its own
        assertThat(second.id()).isEqualTo("b");
        assertThat(second.name()).isEqualTo("Atelier B");
    }

    @Test
    void aSharedProfileIsTheSameProfile() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            Supplier profile = SupplierIndexTest.randomSupplier(random, "s" + i);
            assertThat(shared.share(profile)).isEqualTo(profile);
        }
        assertThat(shared.size()).as("far fewer distinct values than profiles × fields").isLessThan(2_500);
    }

    /** A profile whose every string and date is a fresh copy, as JSON reading makes them. */
    private static Supplier profile(String id, String name) {
        return new Supplier(id, 0, name, "412345678", new String("25.62B"),
                Set.of(new String("CNC_MILLING"), new String("WELDING")),
                Map.of(new String("ISO9001"), new Supplier.Validity(null, LocalDate.of(DAY.getYear(), 3, 1))), Set.of(),
                Set.of(), new Supplier.Capacity(10_000, new String("PIECES"), 40), new GeoPoint(49.44, 1.10),
                new String("28"), true, LocalDate.of(2026, 11, 2), new String("pme@cci.example.fr"));
    }
}
