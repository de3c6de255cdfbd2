package fr.relocmatch.matching.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What matching knows of a supplier profile.
 *
 * @param nafCode        NAF rév. 2 sous-classe, e.g. {@code 13.92Z}
 * @param certifications held certifications by code, with their validity
 * @param capacity       annual capacity and the share available, or null when not declared
 * @param active         whether the profile takes part in matching: ACTIVE, consenting, a supplier
 * @param lastConfirmed  when the company or its adviser last confirmed the profile, or null
 * @param notInterested  the kinds of demand its adviser marked it not interested in
 * @param siret          the establishment's SIRET (by which a partner names the supplier of a match), or null
 */
public record Supplier(String id, long version, String name, String siren, String nafCode, Set<String> processes,
        Map<String, Validity> certifications, Set<String> sectors, Set<String> labels, Capacity capacity,
        GeoPoint site, String regionCode, boolean active, LocalDate lastConfirmed, String adviserEmail,
        Set<DemandKind> notInterested, String siret) {

    public Supplier {
        processes = Set.copyOf(processes);
        certifications = certifications == null ? Map.of() : Map.copyOf(certifications);
        sectors = sectors == null ? Set.of() : Set.copyOf(sectors);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        notInterested = notInterested == null ? Set.of() : Set.copyOf(notInterested);
    }

    /** A supplier whose SIRET is not known. */
    public Supplier(String id, long version, String name, String siren, String nafCode, Set<String> processes,
            Map<String, Validity> certifications, Set<String> sectors, Set<String> labels, Capacity capacity,
            GeoPoint site, String regionCode, boolean active, LocalDate lastConfirmed, String adviserEmail,
            Set<DemandKind> notInterested) {
        this(id, version, name, siren, nafCode, processes, certifications, sectors, labels, capacity, site, regionCode,
                active, lastConfirmed, adviserEmail, notInterested, null);
    }

    /** A supplier not marked uninterested in any kind of demand. */
    public Supplier(String id, long version, String name, String siren, String nafCode, Set<String> processes,
            Map<String, Validity> certifications, Set<String> sectors, Set<String> labels, Capacity capacity,
            GeoPoint site, String regionCode, boolean active, LocalDate lastConfirmed, String adviserEmail) {
        this(id, version, name, siren, nafCode, processes, certifications, sectors, labels, capacity, site, regionCode,
                active, lastConfirmed, adviserEmail, Set.of(), null);
    }

    /** The same profile holding these certifications instead. */
    public Supplier withCertifications(Map<String, Validity> held) {
        return new Supplier(id, version, name, siren, nafCode, processes, held, sectors, labels, capacity, site, regionCode,
                active, lastConfirmed, adviserEmail, notInterested, siret);
    }

    /**
     * A kind of demand: those requiring {@code process}, for {@code sector} — for any sector when
     * it is null.
     */
    public record DemandKind(String process, String sector) {

        public boolean covers(Demand demand) {
            return demand.requiredProcesses().contains(process) && (sector == null || sector.equals(demand.sector()));
        }
    }

    /** The kind of demand this one is, that the supplier is not interested in, if any. */
    public Optional<DemandKind> notInterestedIn(Demand demand) {
        return notInterested.stream().filter(kind -> kind.covers(demand)).findFirst();
    }

    /** Validity of a held certification; {@code from} may be unknown. */
    public record Validity(LocalDate from, LocalDate until) {

        public boolean covers(LocalDate date) {
            return (from == null || !from.isAfter(date)) && !until.isBefore(date);
        }
    }

    /** Annual capacity in a unit, and the percentage of it free for new business. */
    public record Capacity(double annualQuantity, String unit, double availablePercent) {

        public double available() {
            return annualQuantity * availablePercent / 100;
        }
    }
}
