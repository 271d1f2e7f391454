package dev.automl.featurization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.DataSource;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The featurizer's faster code paths (issue 3) against the plain definitions they replaced: which numeric columns are
 * dropped, which date parts vary and their statistics, and features of a few rows against those of all rows.
 */
class FeaturizerFastPathTest {

    @Test
    void numericDropReasonsMatchTheSetBasedDefinition() {
        Random r = new Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + r.nextInt(trial < 1000 ? 80 : 400);
            double[] v = new double[n];
            int kind = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    case 0 -> 1000 + i;                                   // a running number
                    case 1 -> 5 + i * (1 + r.nextInt(2));                 // with gaps, some too wide
                    case 2 -> r.nextInt(Math.max(1, n + r.nextInt(3)));   // integers, maybe repeated
                    case 3 -> 7;                                          // constant
                    case 4 -> r.nextInt(3) == 0 ? Double.NaN : 2;         // constant with gaps
                    default -> r.nextGaussian();                          // distinct reals
                };
            }
            if (r.nextInt(10) == 0) {
                v[r.nextInt(n)] = Double.NaN;
            }
            int[] rows = r.nextBoolean() ? null : r.ints(n, 0, n).distinct().sorted().toArray();
            NumericColumn c = new NumericColumn("x", v);
            DropReason reason = Featurizer.dropReason(c, rows);
            assertEquals(setBased(c, rows), reason == null ? null : reason.description(), "trial " + trial);
        }
    }

    @Test
    void zeroAndNegativeZeroAreOneValue() {
        double[] v = new double[60];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? 0.0 : -0.0;
        }
        assertEquals(DropReason.CONSTANT, Featurizer.dropReason(new NumericColumn("x", v), null));
    }

    @Test
    void datePartsAndTheirStatisticsMatchAConversionPerPart() {
        Random r = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(300);
            double[] s = new double[n];
            long base = 1_300_000_000L + r.nextInt(1_000_000_000);
            long step = switch (trial % 4) {
                case 0 -> 86_400;
                case 1 -> 3_600;
                case 2 -> 1;
                default -> 0;
            };
            for (int i = 0; i < n; i++) {
                s[i] = r.nextInt(8) == 0 ? Double.NaN : base + step * r.nextInt(2000) + (trial % 7 == 0 ? 0.5 : 0);
            }
            DateTimeColumn c = new DateTimeColumn("d", s);
            DateTimeEncoder fast = DateTimeEncoder.fit(c, null);
            DateTimeEncoder plain = perPart(c);
            if (plain == null) {
                assertNull(fast, "trial " + trial);
                continue;
            }
            assertEquals(plain.parts(), fast.parts(), "trial " + trial);
            assertArrayEquals(plain.means(), fast.means(), "trial " + trial);
            assertArrayEquals(plain.scales(), fast.scales(), "trial " + trial);
            assertEquals(plain.fillEpochSeconds(), fast.fillEpochSeconds());
            assertEquals(plain.indicator(), fast.indicator());
        }
    }

    @Test
    void fewRowsGetTheFeaturesTheyHaveAmongAllRows() {
        Table t = DataSource.read(FeaturizerTest.repoRoot().resolve("testdata/bank_marketing/training-mltable-folder"))
                .drop(List.of("y"));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(t, null);
        for (FeatureView view : FeatureView.values()) {
            FeatureMatrix all = f.transform(t, null, view);
            for (int row : new int[] {0, 17, t.rows() - 1}) {
                FeatureMatrix one = f.transform(t.select(new int[] {row}), null, view);
                assertEquals(all.names(), one.names());
                assertEquals(all.categorical(), one.categorical());
                float[] expected = java.util.Arrays.copyOfRange(all.values(), row * all.cols(), (row + 1) * all.cols());
                assertArrayEquals(expected, one.values(), view + " row " + row);
            }
        }
    }

    @Test
    void aNewTablesOwnDictionaryIsMatchedByText() {
        Table train = new Table(List.of(new CategoricalColumn("c", new int[] {0, 1, 1, 2}, List.of("a", "b", "c"))));
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(train, null);
        // Levels in another order, one unseen, one unused by the rows, and a missing value.
        Table fresh = new Table(List.of(new CategoricalColumn("c", new int[] {3, 0, -1, 2},
                List.of("c", "unused", "new", "b"))));
        FeatureMatrix m = f.transform(fresh, null, FeatureView.TREES);
        // Codes by frequency: b 0, a 1, c 2, unseen 3; missing takes the most frequent level (b).
        assertArrayEquals(new float[] {0, 2, 0, 3}, m.values());
    }

    /** The rule as it was written first: a set of boxed values. */
    private static String setBased(NumericColumn c, int[] rows) {
        int n = rows == null ? c.size() : rows.length;
        Set<Double> distinct = new HashSet<>();
        int present = 0;
        boolean integral = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = c.get(rows == null ? i : rows[i]);
            if (!Double.isNaN(v)) {
                present++;
                distinct.add(v);
                integral &= v == Math.rint(v);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (present == 0) {
            return "all values missing";
        }
        if (distinct.size() == 1 && present == n) {
            return "constant";
        }
        if (present == n && n >= Featurizer.MIN_ROWS_FOR_ID && integral && distinct.size() == n
                && max - min + 1 <= 2.0 * n) {
            return "ID-like: a running number";
        }
        return null;
    }

    /** The date fit as it was written first: one calendar conversion per part and value. */
    private static DateTimeEncoder perPart(DateTimeColumn c) {
        List<Double> present = new ArrayList<>();
        for (double s : c.epochSeconds()) {
            if (!Double.isNaN(s)) {
                present.add(s);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        double[] values = present.stream().mapToDouble(Double::doubleValue).toArray();
        List<DatePart> parts = new ArrayList<>();
        for (DatePart p : EnumSet.allOf(DatePart.class)) {
            Set<Double> seen = new HashSet<>();
            for (double s : values) {
                seen.add(p.of(utc(s)));
                if (seen.size() > 1) {
                    parts.add(p);
                    break;
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        double[] means = new double[parts.size()];
        double[] scales = new double[parts.size()];
        for (int j = 0; j < parts.size(); j++) {
            double sum = 0;
            double sq = 0;
            for (double s : values) {
                double v = parts.get(j).of(utc(s));
                sum += v;
                sq += v * v;
            }
            means[j] = sum / values.length;
            double var = sq / values.length - means[j] * means[j];
            scales[j] = var > 1e-12 ? Math.sqrt(var) : 1.0;
        }
        return new DateTimeEncoder(c.name(), parts, NumericEncoder.median(values), values.length < c.size(), means,
                scales);
    }

    private static LocalDateTime utc(double epochSeconds) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond((long) Math.floor(epochSeconds)), ZoneOffset.UTC);
    }
}
