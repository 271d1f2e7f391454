package dev.automl.engine.worker;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The main class of a worker process: connects to the engine's socket, then fits one trial at a time as asked and
 * answers with the saved model's folder and the validation predictions. It exits when the engine closes the socket
 * or its process ends, so that a killed run leaves no worker behind.
 */
public final class TrialWorker {

    private final Map<String, Learner> learners = new HashMap<>();
    /** The rows of recent requests: the folds of a search are asked for again and again. */
    private final Map<String, TrainingData> rows = new LinkedHashMap<>(16, 0.75f, true);
    private long rowBytes;
    private final long maxRowBytes = Runtime.getRuntime().maxMemory() / 4;

    private TrialWorker() {
    }

    /** Arguments: the engine's socket path and the engine's process id. */
    public static void main(String[] args) throws IOException {
        long parent = Long.parseLong(args[1]);
        // A worker outlives a SIGKILLed engine only until it notices.
        ProcessHandle.of(parent).ifPresentOrElse(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                () -> Runtime.getRuntime().halt(3));
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])))) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            new TrialWorker().serve(in, out);
        }
        // Library threads (OpenMP, XGBoost's) must not keep the worker alive.
        Runtime.getRuntime().halt(0);
    }

    private void serve(DataInputStream in, DataOutputStream out) throws IOException {
        while (true) {
            FitRequest request;
            try {
                request = Frames.readJson(in, FitRequest.class);
            } catch (EOFException e) {
                return;
            }
            boolean retire = fit(request, out);
            out.flush();
            if (retire) {
                return;
            }
        }
    }

    /** Fits, saves and answers; returns whether this worker should exit. */
    private boolean fit(FitRequest request, DataOutputStream out) throws IOException {
        FittedModel model = null;
        FitReply reply;
        double[] predictions = null;
        try {
            Learner learner = learner(request);
            TrainingData train = rows(request.train());
            TrainingData valid = request.valid() == null ? null : rows(request.valid());
            Deadline deadline = request.seconds() == null ? Deadline.never() : Deadline.afterSeconds(request.seconds());
            model = learner.fit(train, valid, Params.of(request.params()), new TrialContext(deadline,
                    request.threads(), request.seed()));
            Path dir = Path.of(request.modelDir());
            Files.createDirectories(dir);
            model.save(dir);
            Predictions p = null;
            if (valid != null) {
                FittedModel m = model;
                p = model.validationPredictions().orElseGet(() -> m.predict(valid.x()));
                predictions = p.values();
            }
            reply = new FitReply(null, false, false, model.fittedParams().values(), model.stoppedByDeadline(),
                    model.refitShare(), model.note(), p == null ? null : p.task().name(), p == null ? -1 : p.rows(),
                    p == null ? 0 : p.numClasses());
        } catch (InvalidInputException e) {
            reply = FitReply.failed(e.getMessage(), true, false);
        } catch (OutOfMemoryError e) {
            rows.clear();
            reply = FitReply.failed(reason(e), false, true);
        } catch (Exception | LinkageError | StackOverflowError e) {
            reply = FitReply.failed(reason(e), false, false);
        } finally {
            if (model != null) {
                model.close();
            }
        }
        Frames.writeJson(out, reply);
        if (predictions != null) {
            Frames.writeDoubles(out, predictions);
        }
        return reply.retire();
    }

    private static String reason(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private Learner learner(FitRequest request) throws ReflectiveOperationException {
        String key = request.learner() + "|" + request.learnerClass();
        Learner known = learners.get(key);
        if (known != null) {
            return known;
        }
        Learner learner = LearnerCatalog.standard().byName(request.learner())
                .filter(l -> l.getClass().getName().equals(request.learnerClass()))
                .orElse(null);
        if (learner == null) {
            var constructor = Class.forName(request.learnerClass()).asSubclass(Learner.class).getDeclaredConstructor();
            constructor.setAccessible(true);
            learner = constructor.newInstance();
        }
        learners.put(key, learner);
        return learner;
    }

    private TrainingData rows(String file) throws IOException {
        TrainingData cached = rows.get(file);
        if (cached != null) {
            return cached;
        }
        TrainingData read = TrainingFile.read(Path.of(file));
        long bytes = TrainingFile.bytes(read);
        var it = rows.entrySet().iterator();
        while (rowBytes + bytes > maxRowBytes && it.hasNext()) {
            rowBytes -= TrainingFile.bytes(it.next().getValue());
            it.remove();
        }
        if (rowBytes + bytes <= maxRowBytes) {
            rows.put(file, read);
            rowBytes += bytes;
        }
        return read;
    }
}
