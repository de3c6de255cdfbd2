package fr.relocmatch.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import fr.relocmatch.reference.ManufacturingProcess;
import fr.relocmatch.reference.ManufacturingProcesses;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The figures a CCI reports on, per région and period, from what this service stores: the région's
 * demands (kept from their events, {@link ProgrammeDemand}) and its matches with their decisions and
 * outcome steps. A period is a span of days in France, both ends included; each figure counts what
 * happened in it — a demand opened, a match first proposed, a decision taken, a step dated.
 */
@Component
class ProgrammeFigures {

    private final MongoTemplate mongo;

    ProgrammeFigures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps what the figures need of a demand's event; an older version than the one kept changes nothing. */
    void demand(DemandSnapshot snapshot, String region) {
        ProgrammeDemand demand = ProgrammeDemand.of(snapshot, region);
        Update update = new Update().set("version", demand.version()).set("region", demand.region())
                .set("status", demand.status()).set("openedAt", demand.openedAt()).set("mainProcess", demand.mainProcess())
                .set("annualQuantity", demand.annualQuantity()).set("unit", demand.unit())
                .set("submittedBy", demand.submittedBy());
        try {
            mongo.upsert(query(where("_id").is(demand.id()).and("version").lte(demand.version())), update,
                    ProgrammeDemand.class);
        }
        catch (DuplicateKeyException newerKept) {
            // a later version is kept already (a record read again after a newer one)
        }
    }

    /** What is kept of a demand of this région, if its event was read. */
    Optional<ProgrammeDemand> demand(String demandId) {
        return Optional.ofNullable(mongo.findById(demandId, ProgrammeDemand.class));
    }

    /** The figures of a région's matches and demands over the days {@code from} to {@code to}, both included. */
    Figures of(String region, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(MatchBook.PROGRAMME_ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(MatchBook.PROGRAMME_ZONE).toInstant();
        Map<String, ProgrammeDemand> demands = new HashMap<>();
        mongo.find(query(where("region").is(region)), ProgrammeDemand.class).forEach(d -> demands.put(d.id(), d));

        Counts counts = new Counts();
        counts.opened = demands.values().stream().filter(d -> within(d.openedAt(), start, end)).count();
        Map<String, Instant> firstAcceptance = new HashMap<>();
        Query counted = query(where("demandRegion").is(region));
        // what the figures count, not the explanations and names of every match of the région
        counted.fields().include("demandId", "status", "createdAt", "decidedAt", "reasonCode", "reason", "outcomes",
                "supplierNafCode");
        try (Stream<MatchDocument> matches = mongo.stream(counted, MatchDocument.class)) {
            matches.forEach(match -> {
                if (within(match.getCreatedAt(), start, end)) {
                    counts.proposed++;
                }
                if (match.getStatus() == MatchStatus.ACCEPTED && match.getDecidedAt() != null) {
                    firstAcceptance.merge(match.getDemandId(), match.getDecidedAt(), (a, b) -> a.isBefore(b) ? a : b);
                    if (within(match.getDecidedAt(), start, end)) {
                        counts.accepted++;
                    }
                }
                if (match.getStatus() == MatchStatus.REJECTED && within(match.getDecidedAt(), start, end)) {
                    counts.rejected++;
                    RejectionReason code = match.getReasonCode() != null ? match.getReasonCode()
                            : RejectionReason.ofWords(match.getReason());
                    counts.byReason.merge(code, 1L, Long::sum);
                }
                for (OutcomeRecord step : match.getOutcomes()) {
                    if (!step.on().isBefore(from) && !step.on().isAfter(to)) {
                        counts.steps.merge(step.step(), 1L, Long::sum);
                        if (step.step() == OutcomeStep.AGREEMENT_SIGNED) {
                            counts.agreement(demands.get(match.getDemandId()), match.getSupplierNafCode());
                        }
                    }
                }
            });
        }
        List<Double> days = new ArrayList<>();
        firstAcceptance.forEach((demandId, accepted) -> {
            ProgrammeDemand demand = demands.get(demandId);
            if (within(accepted, start, end) && demand != null && demand.openedAt() != null) {
                days.add(Duration.between(demand.openedAt(), accepted).toMinutes() / (24.0 * 60));
            }
        });
        return new Figures(region, from, to, counts.opened, counts.proposed, counts.accepted, counts.rejected,
                counts.byReason, counts.steps, counts.steps.getOrDefault(OutcomeStep.AGREEMENT_SIGNED, 0L),
                counts.volumes(), days.size(), median(days));
    }

    private static boolean within(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    /** The median, to a tenth of a day; null for none. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return Math.round(median * 10) / 10.0;
    }

    /**
     * A région's figures over a period. {@code agreements} are AGREEMENT_SIGNED steps dated in it;
     * {@code volumeRelocated} sums, over them, the annual volume of the demand (by the family of its
     * first required process, the supplier's NAF division and the unit); {@code medianDaysToFirstAcceptance}
     * is over the demands whose first accepted match was decided in the period.
     */
    record Figures(String region, LocalDate from, LocalDate to, long demandsOpened, long matchesProposed, long accepted,
            long rejected, Map<RejectionReason, Long> rejectedByReason, Map<OutcomeStep, Long> outcomeSteps,
            long agreements, List<RelocatedVolume> volumeRelocated, long demandsFirstAccepted,
            Double medianDaysToFirstAcceptance) {
    }

    /** The annual volume of the demands with an agreement, for one process family, NAF division and unit. */
    record RelocatedVolume(String processFamily, String nafDivision, String unit, double annualQuantity, long agreements) {
    }

    private static final class Counts {

        long opened;
        long proposed;
        long accepted;
        long rejected;
        final Map<RejectionReason, Long> byReason = zeros(RejectionReason.class);
        final Map<OutcomeStep, Long> steps = zeros(OutcomeStep.class);
        private final Map<List<String>, double[]> volumes = new TreeMap<>(Comparator.comparing(Object::toString));

        void agreement(ProgrammeDemand demand, String nafCode) {
            String family = demand == null || demand.mainProcess() == null ? "UNKNOWN"
                    : ManufacturingProcesses.shipped().byCode(demand.mainProcess()).map(ManufacturingProcess::family)
                            .orElse("UNKNOWN");
            String division = nafCode == null || nafCode.length() < 2 ? "UNKNOWN" : nafCode.substring(0, 2);
            String unit = demand == null || demand.unit() == null ? "UNKNOWN" : demand.unit();
            double[] sum = volumes.computeIfAbsent(List.of(family, division, unit), key -> new double[2]);
            sum[0] += demand == null || demand.annualQuantity() == null ? 0 : demand.annualQuantity();
            sum[1]++;
        }

        List<RelocatedVolume> volumes() {
            return volumes.entrySet().stream().map(e -> new RelocatedVolume(e.getKey().get(0), e.getKey().get(1),
                    e.getKey().get(2), e.getValue()[0], (long) e.getValue()[1])).toList();
        }

        private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
            Map<E, Long> zeros = new EnumMap<>(type);
            for (E value : type.getEnumConstants()) {
                zeros.put(value, 0L);
            }
            return zeros;
        }
    }
}
