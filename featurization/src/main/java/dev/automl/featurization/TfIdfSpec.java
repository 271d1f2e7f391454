package dev.automl.featurization;

/**
 * How a text column becomes features ({@code transformer_params.tf_idf}).
 *
 * @param maxFeatures the most word n-grams kept, and separately the most character n-grams, by document frequency
 * @param minDf       the fewest training rows a term must occur in to be kept
 * @param wordNgrams  the longest word n-gram (1: words only; 2: words and word pairs)
 * @param charNgrams  the character n-gram length, within words; 0 for none
 * @param useIdf      weight terms by inverse document frequency (TF-IDF) rather than by count alone
 */
public record TfIdfSpec(int maxFeatures, int minDf, int wordNgrams, int charNgrams, boolean useIdf) {

    /** Word 1-2-grams and character 3-grams, 100 of each, as Azure's default text featurization does. */
    public static final TfIdfSpec DEFAULTS = new TfIdfSpec(100, 2, 2, 3, true);

    /**
     * The most terms per block: the features are dense, and the text model behind TextTargetEncoder solves a square
     * system of both blocks' width (1,000 at this cap).
     */
    public static final int MAX_FEATURES = 500;

    public TfIdfSpec {
        if (maxFeatures < 1 || maxFeatures > MAX_FEATURES || minDf < 1 || wordNgrams < 1 || wordNgrams > 3
                || charNgrams < 0 || charNgrams > 6) {
            throw new IllegalArgumentException("max_features must be 1 to " + MAX_FEATURES + ", min_df at least 1, "
                    + "word n-grams 1 to 3 and character n-grams 0 to 6");
        }
    }
}
