package fr.relocmatch.demand.relocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import fr.relocmatch.api.InvalidInputException;
import fr.relocmatch.contracts.schema.FieldViolation;
import fr.relocmatch.reference.QuantityUnit;

import org.junit.jupiter.api.Test;

/** The demand rules no annotation says, without Kafka or MongoDB: the fast rung under DemandIT. */
class DemandValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);

    private final KnownCompanies companies = mock(KnownCompanies.class);
    private final DemandValidator validator = new DemandValidator(companies,
            new DemandProperties(Period.ofMonths(6), "0 15 * * * *", BigDecimal.valueOf(5)), CLOCK);

    DemandValidatorTest() {
        when(companies.byId("group-1")).thenReturn(Optional.of(new KnownCompany("group-1", 3, "55210055400013", "GROUP",
                "Maison Française SA", "ACTIVE")));
        when(companies.byId("sme-1")).thenReturn(Optional.of(new KnownCompany("sme-1", 1, "41234567800012", "SME",
                "Tissages", "ACTIVE")));
    }

    private static DemandRequest request(String buyer, List<String> required, List<String> preferred, LocalDate start,
            LocalDate validUntil, DemandRequest.LocationRequest location) {
        return new DemandRequest("Linge de bain", null, buyer, null, null, required, preferred, List.of("13.92"), List.of(),
                new DemandRequest.Volume(BigDecimal.valueOf(120_000), QuantityUnit.PIECES, null), null, null, start,
                validUntil, location, " textile@normandie.cci.fr ", null);
    }

    private static DemandRequest.LocationRequest radius() {
        return new DemandRequest.LocationRequest(LocationMode.RADIUS, "76540", null, 80, null);
    }

    @Test
    void aSoundDemandIsReadWithItsDefaultsAndTheBuyerFromTheCompaniesTopic() {
        ValidDemand demand = validator.validate(request("group-1", List.of("WEAVING"), List.of("HOME_TEXTILES"),
                TODAY.plusMonths(2), null, radius()));

        assertThat(demand.buyer().companyId()).isEqualTo("group-1");
        assertThat(demand.validUntil()).as("six months by default").isEqualTo(TODAY.plusMonths(6));
        assertThat(demand.annualVolume().minimumCoveragePercent()).isEqualByComparingTo("5");
        assertThat(demand.adviserEmail()).isEqualTo("textile@normandie.cci.fr");
    }

    @Test
    void theDefaultValidityRunsAtLeastToTheStartOfProductionAndAnExplicitOneEndingBeforeItIsRefused() {
        LocalDate start = TODAY.plusMonths(9);
        assertThat(validator.validate(request("group-1", List.of("WEAVING"), List.of(), start, null, radius())).validUntil())
                .isEqualTo(start);

        assertThat(faults(request("group-1", List.of("WEAVING"), List.of(), start, start.minusDays(1), radius())))
                .extracting(FieldViolation::field).containsExactly("validUntil");
    }

    @Test
    void everyFaultIsSaidAtOnce() {
        DemandRequest bad = request("sme-1", List.of("WEAVING", "TELEPORTATION"), List.of("WEAVING"), TODAY.minusDays(1),
                null, new DemandRequest.LocationRequest(LocationMode.REGIONS, null, null, 80, List.of("28", "99")));

        assertThat(faults(bad)).extracting(FieldViolation::field).contains("buyerCompanyId", "requiredProcesses[1]",
                "preferredProcesses", "startDate", "location.regions[1]", "location.maxDistanceKm");
    }

    @Test
    void anUnknownBuyerIsNamedAtItsField() {
        assertThat(faults(request("nobody", List.of("WEAVING"), List.of(), TODAY.plusMonths(1), null, radius())))
                .extracting(FieldViolation::field).containsExactly("buyerCompanyId");
    }

    private List<FieldViolation> faults(DemandRequest request) {
        try {
            validator.validate(request);
        }
        catch (InvalidInputException e) {
            return e.violations();
        }
        assertThatThrownBy(() -> validator.validate(request)).as("the request should have been refused")
                .isInstanceOf(InvalidInputException.class);
        return List.of();
    }
}
