package fr.relocmatch.matching.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One copy of each value many profiles share — codes and sets of codes, places, dates, validities,
 * the adviser's e-mail — kept by the index for its profiles: a profile read from the topic comes
 * with its own copy of every string and date, and a national base repeats them hundreds of
 * thousands of times. What is unique to a profile (id, name, SIREN) is kept as it is.
 *
 * <p>Not thread-safe, like the index that owns it.
 */
final class SharedValues {

    private final Map<Object, Object> values = new HashMap<>();

    /** The profile with its shared values replaced by the pool's copies (the same profile if nothing changed). */
    Supplier share(Supplier supplier) {
        Map<String, Supplier.Validity> certifications = new HashMap<>();
        supplier.certifications().forEach((code, held) -> certifications.put(one(code),
                one(new Supplier.Validity(date(held.from()), date(held.until())))));
        Supplier.Capacity capacity = supplier.capacity() == null ? null
                : new Supplier.Capacity(supplier.capacity().annualQuantity(), one(supplier.capacity().unit()),
                        supplier.capacity().availablePercent());
        return new Supplier(supplier.id(), supplier.version(), supplier.name(), supplier.siren(), one(supplier.nafCode()),
                codes(supplier.processes()), one(Map.copyOf(certifications)), codes(supplier.sectors()),
                codes(supplier.labels()), capacity, one(supplier.site()), one(supplier.regionCode()), supplier.active(),
                date(supplier.lastConfirmed()), one(supplier.adviserEmail()),
                supplier.notInterested().isEmpty() ? Set.of() : supplier.notInterested(), supplier.siret());
    }

    /** Distinct values held. */
    int size() {
        return values.size();
    }

    private Set<String> codes(Set<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        Set<String> shared = one(codes);
        if (shared == codes) {
            // first of its kind: its strings become the pool's too
            shared = Set.copyOf(codes.stream().map(this::one).toList());
            values.put(shared, shared);
        }
        return shared;
    }

    private LocalDate date(LocalDate date) {
        return one(date);
    }

    @SuppressWarnings("unchecked")
    private <T> T one(T value) {
        return value == null ? null : (T) values.computeIfAbsent(value, Function.identity());
    }
}
