package dev.automl.algorithms;

/**
 * The size and shape of a training set, which portfolios and search spaces adapt to.
 *
 * @param seasonality the seasonal period of a forecasting job's series, in steps; 1 for none and for other tasks
 * @param stepDays    a forecasting series' mean step length in days (1/24 for hourly); 1 for other tasks
 * @param regressors  the numeric covariates a forecasting job's series view carries (Arimax's regressors); 0 for
 *                    other tasks
 */
public record DataShape(int rows, int features, int numClasses, double categoricalShare, int seasonality,
                        double stepDays, int regressors) {

    public DataShape {
        if (seasonality < 1) {
            throw new IllegalArgumentException("seasonality must be at least 1");
        }
        if (!(stepDays > 0)) {
            throw new IllegalArgumentException("a step must last some time");
        }
    }

    /** The shape of a forecasting job's training set without covariates. */
    public DataShape(int rows, int features, int numClasses, double categoricalShare, int seasonality, double stepDays) {
        this(rows, features, numClasses, categoricalShare, seasonality, stepDays, 0);
    }

    /** The shape of a tabular training set, which has no seasons. */
    public DataShape(int rows, int features, int numClasses, double categoricalShare) {
        this(rows, features, numClasses, categoricalShare, 1, 1, 0);
    }
}
