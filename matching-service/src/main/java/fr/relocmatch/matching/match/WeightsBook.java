package fr.relocmatch.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import fr.relocmatch.matching.domain.RankingEffect;
import fr.relocmatch.matching.domain.ScoreFormula.Part;
import fr.relocmatch.matching.domain.ScorePart;
import fr.relocmatch.matching.domain.Weights;
import fr.relocmatch.matching.domain.WeightsFit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The versions of this région's score weights: fitted to its advisers' decisions on demand, applied
 * by a région admin, followed by every instance of the région ({@link MatchingEngine#followAppliedWeights}).
 */
@Component
class WeightsBook {

    /** Rejections the score has no part for: they say nothing of what the weights weigh. */
    static final Set<RejectionReason> SAY_NOTHING_OF_THE_SCORE = EnumSet.of(RejectionReason.PRICE,
            RejectionReason.ALREADY_A_SUPPLIER, RejectionReason.COMPANY_NOT_INTERESTED);

    /** The version a région ranks with, and its weights. */
    record Applied(int version, Weights weights) {
    }

    private final MongoTemplate mongo;
    private final String region;
    private final Weights configured;
    private final LearningProperties learning;
    private final Clock clock;
    private final EvaluationEffect evaluation;

    WeightsBook(MongoTemplate mongo, RegionOwnership regions, MatchingProperties matching, LearningProperties learning,
            Clock clock) {
        this.mongo = mongo;
        this.region = regions.own();
        this.configured = matching.weights();
        this.learning = learning;
        this.clock = clock;
        this.evaluation = EvaluationEffect.shipped(matching.topK(), matching.minScore());
    }

    String region() {
        return region;
    }

    Applied applied() {
        AppliedWeights pointer = mongo.findById(region, AppliedWeights.class);
        int version = pointer == null ? 0 : pointer.version();
        return new Applied(version, version(version).map(WeightsVersion::weights).orElse(configured));
    }

    /** Version 0 (the configuration's) and every fitted one, newest first. */
    List<WeightsVersion> versions() {
        List<WeightsVersion> versions = new ArrayList<>(mongo.find(
                query(where("region").is(region)).with(Sort.by(Sort.Direction.DESC, "version")), WeightsVersion.class));
        versions.add(WeightsVersion.configured(region, configured));
        return versions;
    }

    Optional<WeightsVersion> version(int version) {
        if (version == 0) {
            return Optional.of(WeightsVersion.configured(region, configured));
        }
        return Optional.ofNullable(mongo.findById(WeightsVersion.idOf(region, version), WeightsVersion.class));
    }

    /**
     * Fits new weights to the région's decisions and keeps them as the next version, not applied:
     * 409 when there are too few decisions, or they teach nothing.
     */
    WeightsVersion fit(String by) {
        Applied current = applied();
        Map<String, Integer> leftOut = new TreeMap<>();
        List<WeightsFit.Decision> decisions = new ArrayList<>();
        Set<String> decidedDemands = new HashSet<>();
        Query decided = query(where("demandRegion").is(region).and("status").in(MatchStatus.ACCEPTED, MatchStatus.REJECTED));
        decided.fields().include("demandId", "status", "reasonCode", "reason", "explanation");
        try (Stream<MatchDocument> matches = mongo.stream(decided, MatchDocument.class)) {
            matches.forEach(match -> {
                boolean accepted = match.getStatus() == MatchStatus.ACCEPTED;
                RejectionReason reason = accepted ? null
                        : match.getReasonCode() != null ? match.getReasonCode() : RejectionReason.ofWords(match.getReason());
                if (reason != null && SAY_NOTHING_OF_THE_SCORE.contains(reason)) {
                    leftOut.merge(reason.name(), 1, Integer::sum);
                }
                else if (match.getExplanation() != null) {
                    decisions.add(new WeightsFit.Decision(values(match.getExplanation()), accepted));
                    decidedDemands.add(match.getDemandId());
                }
            });
        }
        long accepted = decisions.stream().filter(WeightsFit.Decision::accepted).count();
        long rejected = decisions.size() - accepted;
        if (accepted < learning.minDecisions() || rejected < learning.minDecisions()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Fitting the weights of région " + region + " needs at least "
                    + learning.minDecisions() + " acceptances and " + learning.minDecisions()
                    + " rejections that say something of the score; it has " + accepted + " and " + rejected
                    + (leftOut.isEmpty() ? "" : " (rejections left out: " + leftOut + ")"));
        }
        WeightsFit.Result fit;
        try {
            fit = WeightsFit.fit(decisions, current.weights(), learning.regularisation());
        }
        catch (IllegalArgumentException teachesNothing) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The decisions of région " + region
                    + " teach nothing about the weights: " + teachesNothing.getMessage());
        }
        RankingEffect.Effect effect = RankingEffect.of(rankingsOf(decidedDemands), current.weights(), fit.weights());
        Map<String, Double> coefficients = new LinkedHashMap<>();
        fit.coefficients().forEach((part, coefficient) -> coefficients.put(part.key(), Math.round(coefficient * 1000) / 1000.0));
        WeightsVersion newest = mongo.findOne(query(where("region").is(region))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), WeightsVersion.class);
        int next = newest == null ? 1 : newest.version() + 1;
        WeightsVersion version = new WeightsVersion(WeightsVersion.idOf(region, next), region, next, fit.weights(),
                current.version(), current.weights(), coefficients, fit.learnt().stream().map(Part::key).toList(),
                new WeightsVersion.Basis((int) accepted, (int) rejected, leftOut), effect,
                evaluation.of(current.weights(), fit.weights()), learning.regularisation(), by,
                clock.instant(), null, null);
        try {
            return mongo.insert(version);
        }
        catch (DuplicateKeyException concurrentFit) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Another fit of région " + region + " took version " + next + " meanwhile: fit again");
        }
    }

    /** Every stored match of the demands, with its part values and decision: what the other weights rank again. */
    private List<RankingEffect.Ranked> rankingsOf(Set<String> demandIds) {
        List<RankingEffect.Ranked> ranked = new ArrayList<>();
        Query matches = query(where("demandId").in(demandIds));
        matches.fields().include("demandId", "status", "explanation");
        try (Stream<MatchDocument> stored = mongo.stream(matches, MatchDocument.class)) {
            stored.filter(m -> m.getExplanation() != null).forEach(m -> ranked.add(new RankingEffect.Ranked(m.getDemandId(),
                    values(m.getExplanation()), switch (m.getStatus()) {
                        case ACCEPTED -> Boolean.TRUE;
                        case REJECTED -> Boolean.FALSE;
                        case PROPOSED, WITHDRAWN -> null;
                    })));
        }
        return ranked;
    }

    private static Map<Part, Double> values(List<ScorePart> explanation) {
        Map<Part, Double> values = new EnumMap<>(Part.class);
        for (ScorePart part : explanation) {
            Part known = Part.ofKey(part.name());
            if (known != null) {
                values.put(known, part.value());
            }
        }
        return values;
    }

    /** Makes the version the one the région ranks with (404 if unknown; 409 if another admin applied one meanwhile). */
    WeightsVersion apply(int version, String by) {
        WeightsVersion chosen = version(version).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No version " + version + " of the weights of région " + region));
        Instant now = clock.instant();
        AppliedWeights pointer = mongo.findById(region, AppliedWeights.class);
        try {
            if (pointer == null) {
                mongo.insert(new AppliedWeights(region, version, by, now, null));
            }
            else {
                mongo.save(new AppliedWeights(region, version, by, now, pointer.revision()));
            }
        }
        catch (DuplicateKeyException | OptimisticLockingFailureException concurrentApply) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Another région admin applied weights of région " + region + " meanwhile: look again before applying");
        }
        if (version == 0) {
            return chosen;
        }
        mongo.updateFirst(query(where("_id").is(chosen.id())), new Update().set("appliedBy", by).set("appliedAt", now),
                WeightsVersion.class);
        return version(version).orElseThrow();
    }
}
