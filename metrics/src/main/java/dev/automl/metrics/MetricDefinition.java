package dev.automl.metrics;

import dev.automl.data.Task;
import java.util.Objects;

/**
 * One metric under its Azure AutoML name: the task it scores, its direction, and whether a job may
 * name it as {@code primary_metric}.
 */
public record MetricDefinition(String name, Task task, boolean higherIsBetter, boolean primary) {

    public MetricDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
    }

    /**
     * Whether score {@code a} is strictly better than score {@code b} for this metric. NaN (an
     * undefined score) is worse than any number, so a trial with an undefined score never wins.
     */
    public boolean isBetter(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return higherIsBetter ? a > b : a < b;
    }

    /**
     * Orders two scores best first: negative when {@code a} is better, positive when {@code b} is,
     * zero when they tie (two NaNs tie, so a stable sort keeps their order).
     */
    public int compare(double a, double b) {
        if (isBetter(a, b)) {
            return -1;
        }
        return isBetter(b, a) ? 1 : 0;
    }
}
