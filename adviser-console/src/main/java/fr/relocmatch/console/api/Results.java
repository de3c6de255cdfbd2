package fr.relocmatch.console.api;

import java.util.List;

/** One page of a search, as company-service and demand-service answer it. */
public record Results<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
}
