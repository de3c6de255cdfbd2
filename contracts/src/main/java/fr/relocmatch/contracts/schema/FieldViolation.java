package fr.relocmatch.contracts.schema;

/**
 * One offending field of a request, as listed in the {@code errors} member of a problem detail.
 *
 * @param field   JSON path of the field ({@code site.communeCode}, {@code processes[2]}) or the
 *                name of the query parameter
 * @param message what is wrong, in words an integrator can act on
 */
public record FieldViolation(String field, String message) {
}
