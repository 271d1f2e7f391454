package dev.automl.engine.run;

import dev.automl.engine.trial.TrialResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The exact figures of a finished trial that trials.jsonl rounds or leaves out (its fit seconds, folds, refit share,
 * primary score and validation predictions), one small binary file per trial in {@code trials/}, so that a resumed
 * run replays the trial bit for bit and its ensembles and search path are those of an unbroken run.
 */
final class TrialArchive {

    static final String DIR = "trials";
    private static final int MAGIC = 0x41544131; // "ATA1"

    /** What the archive holds of one trial. */
    record Figures(double fitSeconds, int foldsFitted, double refitShare, double score, double[] validPredictions) {
    }

    private final Path dir;

    TrialArchive(Path runDir) {
        this.dir = runDir.resolve(DIR);
    }

    /** Writes the trial's figures, whole or not at all (a temporary file renamed into place). */
    void write(TrialResult r) throws IOException {
        Files.createDirectories(dir);
        RunDirectory.atomically(file(r.id()), f -> write(f, r));
    }

    private static void write(Path file, TrialResult r) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeDouble(r.fitSeconds());
            out.writeInt(r.foldsFitted());
            out.writeDouble(r.refitShare());
            out.writeDouble(r.score());
            double[] p = r.validPredictions();
            out.writeInt(p == null ? -1 : p.length);
            if (p != null) {
                for (double v : p) {
                    out.writeDouble(v);
                }
            }
        }
    }

    /** The trial's figures; empty when the file is missing or not whole. */
    Optional<Figures> read(int id) {
        Path file = file(id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            double seconds = in.readDouble();
            int folds = in.readInt();
            double share = in.readDouble();
            double score = in.readDouble();
            int n = in.readInt();
            if (n < -1 || (long) n * Double.BYTES > Files.size(file)) {
                return Optional.empty();
            }
            double[] p = n < 0 ? null : new double[n];
            for (int i = 0; i < Math.max(0, n); i++) {
                p[i] = in.readDouble();
            }
            return Optional.of(new Figures(seconds, folds, share, score, p));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes every trial's file: a fresh run starts without them. */
    void clear() throws IOException {
        dev.automl.engine.model.ModelStore.delete(dir);
    }

    private Path file(int id) {
        return dir.resolve(id + ".bin");
    }
}
