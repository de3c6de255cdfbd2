package fr.relocmatch.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latencies in milliseconds, and their exact percentiles (nearest rank). */
final class Latencies {

    private final List<Long> values = Collections.synchronizedList(new ArrayList<>());

    void add(long millis) {
        values.add(millis);
    }

    int count() {
        return values.size();
    }

    /** The nearest-rank percentile ({@code 0.99} for p99); -1 without values. */
    long percentile(double p) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    long max() {
        return percentile(1.0);
    }

    String summary() {
        return String.format(Locale.ROOT, "n=%d p50=%d ms p99=%d ms max=%d ms", count(), percentile(0.5), percentile(0.99),
                max());
    }
}
