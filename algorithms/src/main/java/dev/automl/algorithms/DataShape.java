package dev.automl.algorithms;

/**
 * The size and shape of a training set, which portfolios and search spaces adapt to.
 *
 * @param seasonality the seasonal period of a forecasting job's series, in steps; 1 for none and for other tasks
 */
public record DataShape(int rows, int features, int numClasses, double categoricalShare, int seasonality) {

    public DataShape {
        if (seasonality < 1) {
            throw new IllegalArgumentException("seasonality must be at least 1");
        }
    }

    /** The shape of a tabular training set, which has no seasons. */
    public DataShape(int rows, int features, int numClasses, double categoricalShare) {
        this(rows, features, numClasses, categoricalShare, 1);
    }
}
