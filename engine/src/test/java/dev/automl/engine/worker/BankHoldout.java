package dev.automl.engine.worker;

import dev.automl.algorithms.TrainingData;
import dev.automl.data.DataSource;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.TargetEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Bank marketing's training rows as a holdout trial sees them: 80 % to fit, every fifth row to validate, tree features. */
record BankHoldout(TrainingData train, TrainingData valid) {

    static BankHoldout load() {
        Table table = DataSource.read(repoRoot().resolve(
                "testdata/bank_marketing/training-mltable-folder/bank_marketing_train_data.csv"));
        Table features = table.drop(List.of("y"));
        int n = table.rows();
        int[] fit = IntStream.range(0, n).filter(i -> i % 5 != 0).toArray();
        int[] hold = IntStream.range(0, n).filter(i -> i % 5 == 0).toArray();
        TargetEncoding encoding = TargetEncoding.fit(table.column("y"), Task.CLASSIFICATION);
        FittedFeaturizer f = new Featurizer(FeaturizationSettings.auto()).fit(features, fit);
        return new BankHoldout(
                new TrainingData(f.transform(features, fit, FeatureView.TREES), encoding.encode(table.column("y"), fit, null)),
                new TrainingData(f.transform(features, hold, FeatureView.TREES), encoding.encode(table.column("y"), hold, null)));
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("testdata"))) {
            p = p.getParent();
        }
        return p;
    }
}
