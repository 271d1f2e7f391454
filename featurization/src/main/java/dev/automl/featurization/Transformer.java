package dev.automl.featurization;

import java.util.Locale;
import java.util.Optional;

/** Azure AutoML's featurization transformers, by the names {@code blocked_transformers} uses. */
public enum Transformer {
    TEXT_TARGET_ENCODER("TextTargetEncoder", true),
    ONE_HOT_ENCODER("OneHotEncoder", true),
    CAT_TARGET_ENCODER("CatTargetEncoder", true),
    TF_IDF("TfIdf", true),
    WOE_TARGET_ENCODER("WoETargetEncoder", true),
    LABEL_ENCODER("LabelEncoder", true),
    WORD_EMBEDDING("WordEmbedding", false),
    NAIVE_BAYES("NaiveBayes", false),
    COUNT_VECTORIZER("CountVectorizer", true),
    HASH_ONE_HOT_ENCODER("HashOneHotEncoder", true);

    private final String azureName;
    private final boolean implemented;

    Transformer(String azureName, boolean implemented) {
        this.azureName = azureName;
        this.implemented = implemented;
    }

    public String azureName() {
        return azureName;
    }

    /** Whether this engine has the transformer; blocking one it does not have changes nothing. */
    public boolean implemented() {
        return implemented;
    }

    /** The transformer of an Azure name, ignoring case. */
    public static Optional<Transformer> byName(String name) {
        for (Transformer t : values()) {
            if (t.azureName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
