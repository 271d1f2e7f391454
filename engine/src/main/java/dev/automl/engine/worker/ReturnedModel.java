package dev.automl.engine.worker;

import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A model a worker fitted, with what only the fit knew (its validation predictions, found parameters, whether the
 * deadline cut it, its note and refit share) from the worker's reply. The model itself stays in the folder the worker
 * saved it to until something predicts with it: most trials' models are only scored, and reading a large LightGBM
 * model back takes as long as a second's fitting (1.7 s for 11 MB). Saving copies the folder.
 */
final class ReturnedModel implements FittedModel {

    private final Learner learner;
    private final Path dir;
    private final Task task;
    private final int numClasses;
    private final FitReply reply;
    private final Predictions validation;
    private FittedModel loaded;
    private boolean closed;

    ReturnedModel(Learner learner, Path dir, Task task, int numClasses, FitReply reply, Predictions validation) {
        this.learner = learner;
        this.dir = dir;
        this.task = task;
        this.numClasses = numClasses;
        this.reply = reply;
        this.validation = validation;
    }

    private synchronized FittedModel model() {
        if (closed) {
            throw new IllegalStateException("the model was closed");
        }
        if (loaded == null) {
            try {
                loaded = learner.load(dir, task, numClasses);
            } catch (IOException e) {
                throw new UncheckedIOException("the model its worker process saved cannot be read: " + e.getMessage(), e);
            }
            WorkerPool.deleteTree(dir);
        }
        return loaded;
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        return model().predict(x);
    }

    @Override
    public Optional<Predictions> validationPredictions() {
        return Optional.ofNullable(validation);
    }

    @Override
    public boolean stoppedByDeadline() {
        return reply.stoppedByDeadline();
    }

    @Override
    public double refitShare() {
        return reply.refitShare();
    }

    @Override
    public String note() {
        return reply.note() == null ? "" : reply.note();
    }

    @Override
    public Optional<Contributions> contributions(FeatureMatrix x) {
        return model().contributions(x);
    }

    @Override
    public Optional<Contributions> contributions(FeatureMatrix x, Deadline deadline) {
        return model().contributions(x, deadline);
    }

    @Override
    public void save(Path target) throws IOException {
        synchronized (this) {
            if (loaded == null && !closed) {
                // The worker's folder is the saved model already: copy it, sub-folders and all.
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path to = target.resolve(dir.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to);
                        }
                    }
                }
                return;
            }
        }
        model().save(target);
    }

    @Override
    public Params fittedParams() {
        return Params.of(reply.fittedParams());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loaded != null) {
            loaded.close();
        } else {
            WorkerPool.deleteTree(dir);
        }
    }
}
