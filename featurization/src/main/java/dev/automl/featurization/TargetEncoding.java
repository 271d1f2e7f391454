package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the target column to model labels: class labels sorted as scikit-learn sorts them (numerically when
 * every label is a number), or numbers for regression.
 */
public final class TargetEncoding {

    private final Task task;
    private final List<String> labels;
    private final Map<String, Integer> index = new HashMap<>();

    @JsonCreator
    public TargetEncoding(@JsonProperty("task") Task task, @JsonProperty("labels") List<String> labels) {
        this.task = task;
        this.labels = List.copyOf(labels);
        for (int i = 0; i < this.labels.size(); i++) {
            index.put(this.labels.get(i), i);
        }
    }

    /** Learns the classes from a target column; the column must be categorical for classification. */
    public static TargetEncoding fit(Column target, Task task) {
        if (task == Task.REGRESSION) {
            if (!(target instanceof NumericColumn)) {
                throw new InvalidInputException("The target column '" + target.name() + "' must be numeric for regression.");
            }
            return new TargetEncoding(task, List.of());
        }
        CategoricalColumn c = (CategoricalColumn) target;
        boolean[] seen = new boolean[c.levels().size()];
        for (int code : c.codes()) {
            if (code != CategoricalColumn.MISSING) {
                seen[code] = true;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < seen.length; k++) {
            if (seen[k]) {
                labels.add(c.levels().get(k));
            }
        }
        if (labels.size() < 2) {
            throw new InvalidInputException("The target column '" + target.name() + "' has "
                    + (labels.isEmpty() ? "no values" : "only one class ('" + labels.get(0) + "')")
                    + " in the training data; classification needs at least two classes.");
        }
        labels.sort(labelOrder(labels));
        return new TargetEncoding(task, labels);
    }

    private static Comparator<String> labelOrder(List<String> labels) {
        for (String l : labels) {
            try {
                Double.parseDouble(l);
            } catch (NumberFormatException e) {
                return Comparator.naturalOrder();
            }
        }
        return Comparator.comparingDouble(Double::parseDouble);
    }

    @JsonProperty
    public Task task() {
        return task;
    }

    @JsonProperty
    public List<String> labels() {
        return labels;
    }

    /** Encodes the given rows (all when null); every row must have a target value. */
    public Target encode(Column target, int[] rows, double[] weights) {
        int n = rows == null ? target.size() : rows.length;
        double[] y = new double[n];
        if (task == Task.REGRESSION) {
            NumericColumn c = (NumericColumn) target;
            for (int i = 0; i < n; i++) {
                y[i] = c.get(ColumnEncoder.rowAt(rows, i));
            }
            return new Target(task, y, List.of(), weights);
        }
        CategoricalColumn c = (CategoricalColumn) target;
        int[] mapped = new int[c.levels().size()];
        for (int k = 0; k < mapped.length; k++) {
            mapped[k] = index.getOrDefault(c.levels().get(k), -1);
        }
        for (int i = 0; i < n; i++) {
            int code = c.codes()[ColumnEncoder.rowAt(rows, i)];
            int cls = code == CategoricalColumn.MISSING ? -1 : mapped[code];
            if (cls < 0) {
                throw new InvalidInputException("The target column '" + target.name() + "' has the class '"
                        + c.get(ColumnEncoder.rowAt(rows, i)) + "', which the training data does not have.");
            }
            y[i] = cls;
        }
        return new Target(task, y, labels, weights);
    }
}
