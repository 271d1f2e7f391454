package dev.automl.featurization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text terms and TF-IDF values, worked out by hand and matching scikit-learn's TfidfVectorizer. */
class TextEncoderTest {

    private static final TfIdfSpec WORDS_ONLY = new TfIdfSpec(100, 2, 2, 0, true);

    private static CategoricalColumn text(String... values) {
        List<String> levels = new java.util.ArrayList<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                codes[i] = CategoricalColumn.MISSING;
            } else {
                if (!levels.contains(values[i])) {
                    levels.add(values[i]);
                }
                codes[i] = levels.indexOf(values[i]);
            }
        }
        return new CategoricalColumn("t", codes, levels);
    }

    @Test
    void wordsAreLowerCasedRunsOfTwoOrMoreLettersOrDigits() {
        assertEquals(List.of("braund", "mr", "owen", "harris"), TextTerms.words("Braund, Mr. Owen Harris"));
        assertEquals(List.of("21171"), TextTerms.words("A/5 21171 x"));
        assertEquals(List.of("ston", "o2", "3101282"), TextTerms.words("STON/O2. 3101282"));
    }

    @Test
    void wordPairsAndPaddedCharacterTrigramsAreCounted() {
        Map<String, Integer> words = new HashMap<>();
        TextTerms.countWordNgrams(List.of("mr", "owen", "mr"), 2, words);
        assertEquals(Map.of("mr", 2, "owen", 1, "mr owen", 1, "owen mr", 1), words);
        Map<String, Integer> chars = new HashMap<>();
        TextTerms.countCharNgrams(List.of("mr", "mrs"), 3, chars);
        // " mr", "mr " from mr; " mr", "mrs", "rs " from mrs
        assertEquals(Map.of(" mr", 2, "mr ", 1, "mrs", 1, "rs ", 1), chars);
    }

    @Test
    void tfIdfOfTermsInTwoOrMoreRowsScaledToUnitLength() {
        // Terms in 2+ of the 3 rows: apple and red (df 2 each, idf ln(4/3) + 1). "red apple" has both once:
        // 1/sqrt(2) each; "red red" has red twice: 1 after scaling. TfidfVectorizer(min_df=2, ngram_range=(1, 2))
        // gives the same.
        CategoricalColumn c = text("red apple", "green apple", "red red", null);
        TextEncoder e = TextEncoder.fit(c, new int[] {0, 1, 2}, WORDS_ONLY, true);
        assertEquals(List.of("apple", "red"), e.wordTerms());
        assertEquals(Math.log(4.0 / 3) + 1, e.wordIdf()[0], 1e-12);
        FeatureMatrix m = new FittedFeaturizer(FeaturizationMode.AUTO, List.of(e), List.of())
                .transform(new Table(List.of(c)), null, FeatureView.LINEAR);
        assertEquals(List.of("t_word:apple", "t_word:red"), m.names());
        assertEquals((float) Math.sqrt(0.5), m.get(0, 0), 1e-7);
        assertEquals((float) Math.sqrt(0.5), m.get(0, 1), 1e-7);
        assertEquals(1f, m.get(1, 0));
        assertEquals(0f, m.get(2, 0));
        assertEquals(1f, m.get(2, 1));
        assertEquals(0f, m.get(3, 0));
        assertEquals(0f, m.get(3, 1));
    }

    @Test
    void withTfIdfBlockedTermsAreCountedOnly() {
        CategoricalColumn c = text("red apple", "green apple", "red red");
        TextEncoder e = TextEncoder.fit(c, null, WORDS_ONLY, false);
        FeatureMatrix m = new FittedFeaturizer(FeaturizationMode.AUTO, List.of(e), List.of())
                .transform(new Table(List.of(c)), null, FeatureView.TREES);
        assertEquals(2f, m.get(2, 1));
        assertEquals(1f, m.get(0, 0));
        assertEquals(List.of("CountVectorizer (word 1-2-grams, 2 terms)"), e.transformations());
    }

    @Test
    void missingTextGetsAnIndicatorAndNewWordsAreCounted() {
        CategoricalColumn c = text("red apple", null, "red red", "green apple");
        TextEncoder e = TextEncoder.fit(c, null, WORDS_ONLY, true);
        assertEquals(List.of("t_word:apple", "t_word:red", "t__missing"), e.featureNames(FeatureView.TREES));
        // green is known (one row is enough to be known); banana and kiwi are new, twice each
        assertEquals(4, e.unseenWords(text("green banana kiwi", "banana kiwi", null)));
    }

    @Test
    void aColumnWithNoTermInTwoRowsHasNothingToLearn() {
        assertNull(TextEncoder.fit(text("alpha beta", "gamma delta"), null, WORDS_ONLY, true));
    }

    @Test
    void savedAndLoadedItEncodesTheSame() throws Exception {
        CategoricalColumn c = text("red apple pie", "green apple pie", "red red wine", "pie and wine");
        TextEncoder e = TextEncoder.fit(c, null, TfIdfSpec.DEFAULTS, true);
        ObjectMapper json = new ObjectMapper();
        ColumnEncoder back = json.readValue(json.writeValueAsString(e), ColumnEncoder.class);
        Table t = new Table(List.of(c));
        FeatureMatrix before = new FittedFeaturizer(FeaturizationMode.AUTO, List.of(e), List.of()).transform(t, null, FeatureView.TREES);
        FeatureMatrix after = new FittedFeaturizer(FeaturizationMode.AUTO, List.of(back), List.of()).transform(t, null, FeatureView.TREES);
        assertEquals(before.names(), after.names());
        assertEquals(java.util.Arrays.toString(before.values()), java.util.Arrays.toString(after.values()));
    }
}
