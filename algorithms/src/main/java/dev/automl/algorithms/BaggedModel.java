package dev.automl.algorithms;

import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Models of one learner and configuration, each trained on a different part of the rows (the folds of k-fold
 * cross-validation, perhaps repeated), whose predictions are averaged: AutoGluon's bagging, which on small data
 * beats one model refitted on all rows because the averaged models' errors partly cancel.
 */
public final class BaggedModel implements FittedModel {

    /** Reads one bagged model's files back. */
    @FunctionalInterface
    public interface Loader {
        FittedModel load(Path dir) throws IOException;
    }

    private final Task task;
    private final List<FittedModel> models;

    /** @param task what the models predict; a regression bag's contributions are its models' averaged */
    public BaggedModel(Task task, List<FittedModel> models) {
        this.task = task;
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a bag needs at least one model");
        }
        this.models = List.copyOf(models);
    }

    /** Reads a bag of {@code size} models saved by {@link #save} under {@code dir}. */
    public static BaggedModel load(Path dir, Task task, int size, Loader loader) throws IOException {
        List<FittedModel> out = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                out.add(loader.load(dir.resolve(String.valueOf(i))));
            }
        } catch (IOException | RuntimeException e) {
            out.forEach(FittedModel::close);
            throw e;
        }
        return new BaggedModel(task, out);
    }

    public int size() {
        return models.size();
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        double[] sum = null;
        Predictions first = null;
        for (FittedModel m : models) {
            Predictions p = m.predict(x);
            if (sum == null) {
                first = p;
                sum = new double[p.values().length];
            }
            double[] v = p.values();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= models.size();
        }
        return new Predictions(first.task(), first.rows(), first.numClasses(), sum);
    }

    /**
     * The average of the models' contributions, which add up to the bag's prediction only where the margin is the
     * prediction itself (regression): a classifier's margins pass through a link before they are averaged.
     */
    @Override
    public Optional<Contributions> contributions(FeatureMatrix x, Deadline deadline) {
        if (task != Task.REGRESSION) {
            return Optional.empty();
        }
        double[] values = null;
        double[] base = null;
        Contributions first = null;
        for (FittedModel m : models) {
            Optional<Contributions> c = m.contributions(x, deadline);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            if (first == null) {
                first = c.get();
                values = new double[first.values().length];
                base = new double[first.base().length];
            }
            add(values, c.get().values());
            add(base, c.get().base());
        }
        scale(values, 1.0 / models.size());
        scale(base, 1.0 / models.size());
        return Optional.of(new Contributions(first.rows(), first.features(), first.outputs(), values, base));
    }

    @Override
    public Optional<Contributions> contributions(FeatureMatrix x) {
        return contributions(x, Deadline.never());
    }

    private static void add(double[] into, double[] v) {
        for (int i = 0; i < into.length; i++) {
            into[i] += v[i];
        }
    }

    private static void scale(double[] v, double by) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= by;
        }
    }

    @Override
    public boolean stoppedByDeadline() {
        return models.stream().anyMatch(FittedModel::stoppedByDeadline);
    }

    /** Each model in a numbered folder of its own: {@code 0/}, {@code 1/}, ... */
    @Override
    public void save(Path dir) throws IOException {
        for (int i = 0; i < models.size(); i++) {
            models.get(i).save(Files.createDirectories(dir.resolve(String.valueOf(i))));
        }
    }

    /** The first model's: every model of a bag was fitted with the same parameters. */
    @Override
    public Params fittedParams() {
        return models.get(0).fittedParams();
    }

    @Override
    public void close() {
        models.forEach(FittedModel::close);
    }
}
