package dev.automl.featurization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits text into the terms a text vectorizer counts, as scikit-learn's defaults do: lower-cased words of two or
 * more letters or digits, word n-grams joined by a space, and character n-grams within each word padded by a space
 * ({@code analyzer='char_wb'}).
 */
final class TextTerms {

    private TextTerms() {
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        String s = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                if (i - start >= 2) {
                    out.add(s.substring(start, i));
                }
                start = -1;
            }
        }
        return out;
    }

    /** Adds the count of each word n-gram, n from 1 to {@code maxN}. */
    static void countWordNgrams(List<String> words, int maxN, Map<String, Integer> counts) {
        for (int n = 1; n <= maxN; n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                String term = n == 1 ? words.get(i) : String.join(" ", words.subList(i, i + n));
                counts.merge(term, 1, Integer::sum);
            }
        }
    }

    /** Adds the count of each character n-gram of each padded word; a padded word shorter than n counts whole. */
    static void countCharNgrams(List<String> words, int n, Map<String, Integer> counts) {
        for (String w : words) {
            String padded = " " + w + " ";
            if (padded.length() <= n) {
                counts.merge(padded, 1, Integer::sum);
                continue;
            }
            for (int i = 0; i + n <= padded.length(); i++) {
                counts.merge(padded.substring(i, i + n), 1, Integer::sum);
            }
        }
    }
}
