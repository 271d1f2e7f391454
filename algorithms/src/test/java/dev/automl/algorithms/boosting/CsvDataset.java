package dev.automl.algorithms.boosting;

import dev.automl.algorithms.TrainingData;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A small all-numeric CSV from the repository's testdata/ folder, split by row number into training data. */
final class CsvDataset {

    private final List<String> features;
    private final List<float[]> rows;
    private final double[] y;
    private final List<String> labels;
    private final Task task;

    private CsvDataset(List<String> features, List<float[]> rows, double[] y, List<String> labels, Task task) {
        this.features = features;
        this.rows = rows;
        this.y = y;
        this.labels = labels;
        this.task = task;
    }

    static CsvDataset iris() {
        return read("iris/iris.csv", "Species", Task.CLASSIFICATION);
    }

    static CsvDataset bloodTransfusion() {
        return read("blood_transfusion/blood_transfusion.csv", "donated", Task.CLASSIFICATION);
    }

    static CsvDataset concrete() {
        return read("concrete/concrete.csv", "compressive_strength", Task.REGRESSION);
    }

    /** Classification labels become indices in sorted label order; every other column must be numeric. */
    static CsvDataset read(String relative, String target, Task task) {
        Path file = testdata().resolve(relative);
        try (Reader in = Files.newBufferedReader(file);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = csv.getHeaderNames();
            List<String> features = new ArrayList<>(header);
            features.remove(target);
            List<CSVRecord> records = csv.getRecords();
            TreeSet<String> distinct = new TreeSet<>();
            if (task == Task.CLASSIFICATION) {
                records.forEach(r -> distinct.add(r.get(target)));
            }
            List<String> labels = List.copyOf(distinct);
            List<float[]> rows = new ArrayList<>();
            double[] y = new double[records.size()];
            for (int i = 0; i < records.size(); i++) {
                CSVRecord r = records.get(i);
                float[] row = new float[features.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = Float.parseFloat(r.get(features.get(j)));
                }
                rows.add(row);
                String label = r.get(target);
                y[i] = task == Task.CLASSIFICATION ? labels.indexOf(label) : Double.parseDouble(label);
            }
            return new CsvDataset(List.copyOf(features), rows, y, labels, task);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The repository's testdata/ folder, found by walking up from the working directory. */
    static Path testdata() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("testdata"))) {
                return dir.resolve("testdata");
            }
        }
        throw new IllegalStateException("no testdata/ folder above " + Path.of("").toAbsolutePath());
    }

    int rows() {
        return rows.size();
    }

    List<String> labels() {
        return labels;
    }

    /** The rows whose index passes the filter, in file order. */
    TrainingData select(IntPredicate keep) {
        return select(keep, new BitSet());
    }

    TrainingData select(IntPredicate keep, BitSet categorical) {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (keep.test(i)) {
                picked.add(i);
            }
        }
        int cols = features.size();
        float[] values = new float[picked.size() * cols];
        double[] yy = new double[picked.size()];
        for (int r = 0; r < picked.size(); r++) {
            System.arraycopy(rows.get(picked.get(r)), 0, values, r * cols, cols);
            yy[r] = y[picked.get(r)];
        }
        FeatureMatrix x = new FeatureMatrix(values, picked.size(), cols, features, categorical);
        return new TrainingData(x, new Target(task, yy, labels, null));
    }
}
