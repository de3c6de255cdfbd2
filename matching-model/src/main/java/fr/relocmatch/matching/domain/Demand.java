package fr.relocmatch.matching.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What matching knows of a relocation demand.
 *
 * @param buyerCompanyId         id of the buyer's profile: a company is never matched with its own demand
 * @param buyerSiren             SIREN of the buyer when known (it is hidden for confidential demands)
 * @param targetNafCodes         NAF codes of any level the buyer expects suppliers in; may be empty
 * @param requiredCertifications certifications a supplier must hold, valid at {@code startDate}
 * @param annualVolume           quantity to produce per year and the least share of it a supplier must cover, or null
 * @param sector                 industry the product is for, or null
 * @param site                   the delivery site: the centre of the radius in RADIUS mode; in REGIONS and
 *                               NATIONWIDE modes where the goods go (distance is then a soft part of the
 *                               score), or null when not given
 * @param maxDistanceKm          the radius, in RADIUS mode
 * @param regions                allowed régions, in REGIONS mode; empty otherwise
 * @param open                   whether the demand is being matched (OPEN or IN_DISCUSSION)
 */
public record Demand(String id, long version, String title, String buyerName, String buyerCompanyId,
        String buyerSiren, Set<String> requiredProcesses, Set<String> preferredProcesses, List<String> targetNafCodes,
        Set<String> requiredCertifications, Volume annualVolume, LocalDate startDate, String sector, Reach reach,
        GeoPoint site, int maxDistanceKm, Set<String> regions, boolean open, String adviserEmail) {

    /** How far a demand reaches. */
    public enum Reach {
        RADIUS, REGIONS, NATIONWIDE
    }

    /**
     * An annual quantity in a unit ({@code PIECES}, {@code TONNES}...).
     *
     * @param minimumCoverage the least share (0.05 for 5 %) of the quantity a supplier's free capacity,
     *                        in the same unit, must cover for the pair to be proposed
     */
    public record Volume(double quantity, String unit, double minimumCoverage) {
    }

    public Demand {
        requiredProcesses = Set.copyOf(requiredProcesses);
        preferredProcesses = preferredProcesses == null ? Set.of() : Set.copyOf(preferredProcesses);
        targetNafCodes = targetNafCodes == null ? List.of() : List.copyOf(targetNafCodes);
        requiredCertifications = requiredCertifications == null ? Set.of() : Set.copyOf(requiredCertifications);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }
}
