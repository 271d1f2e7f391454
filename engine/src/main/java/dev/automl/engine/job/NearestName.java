package dev.automl.engine.job;

import dev.automl.metrics.MetricCatalog;
import java.util.Collection;
import java.util.Locale;

/** The valid name a user most likely meant, for "did you mean" hints; none when nothing is close. */
final class NearestName {

    private NearestName() {
    }

    /** The closest candidate when it is within a few edits (a typo), else null. */
    static String of(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        return MetricCatalog.nearest(typed, candidates)
                .filter(c -> MetricCatalog.editDistance(t, c.toLowerCase(Locale.ROOT)) <= Math.max(2, typed.length() / 3))
                .orElse(null);
    }
}
