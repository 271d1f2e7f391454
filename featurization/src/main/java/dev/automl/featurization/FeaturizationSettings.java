package dev.automl.featurization;

import java.util.Map;
import java.util.Set;

/**
 * What the job asks of featurization: the mode, per-column overrides from custom featurization and the
 * transformers it blocks.
 *
 * @param imputers  per column: the imputer ({@code transformer_params.imputer})
 * @param purposes  per column: a purpose the featurizer must use instead of detecting one (Text, Hashes)
 * @param hashBits  per column: the bits of its hashed one-hot encoding ({@code hash_one_hot_encoder})
 * @param tfIdf     per column: its text vectorizer settings ({@code tf_idf})
 * @param blocked   Azure transformers the featurizer must not use ({@code blocked_transformers})
 */
public record FeaturizationSettings(FeaturizationMode mode, Map<String, ImputerSpec> imputers,
                                    Map<String, ColumnPurpose> purposes, Map<String, Integer> hashBits,
                                    Map<String, TfIdfSpec> tfIdf, Set<Transformer> blocked) {

    /** The key, in {@code hashBits} and {@code tfIdf}, of a setting for every column without its own. */
    public static final String ALL_COLUMNS = "";

    public FeaturizationSettings {
        imputers = Map.copyOf(imputers);
        purposes = Map.copyOf(purposes);
        hashBits = Map.copyOf(hashBits);
        tfIdf = Map.copyOf(tfIdf);
        blocked = Set.copyOf(blocked);
    }

    public FeaturizationSettings(FeaturizationMode mode, Map<String, ImputerSpec> imputers) {
        this(mode, imputers, Map.of(), Map.of(), Map.of(), Set.of());
    }

    public static FeaturizationSettings auto() {
        return new FeaturizationSettings(FeaturizationMode.AUTO, Map.of());
    }

    /** These settings with more column purposes, which take precedence over the ones they name again. */
    public FeaturizationSettings withPurposes(Map<String, ColumnPurpose> more) {
        Map<String, ColumnPurpose> all = new java.util.HashMap<>(purposes);
        all.putAll(more);
        return new FeaturizationSettings(mode, imputers, all, hashBits, tfIdf, blocked);
    }

    /** Whether the featurizer may use the transformer. */
    public boolean allows(Transformer t) {
        return !blocked.contains(t);
    }

    /** The hashed one-hot bits the job sets for a column (its own or every column's), or null for automatic. */
    Integer hashBitsFor(String column) {
        return hashBits.getOrDefault(column, hashBits.get(ALL_COLUMNS));
    }

    /** The text vectorizer settings for a column: its own, every column's, or the defaults. */
    TfIdfSpec tfIdfFor(String column) {
        return tfIdf.getOrDefault(column, tfIdf.getOrDefault(ALL_COLUMNS, TfIdfSpec.DEFAULTS));
    }
}
