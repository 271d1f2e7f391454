package dev.automl.algorithms.forecasting.arima;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.forecasting.SeriesFit;
import dev.automl.data.Task;

import java.util.List;

/**
 * Azure's {@code Arimax}: each series gets R's {@code auto.arima(y, xreg = X)}, a regression on the job's numeric
 * covariates with ARIMA errors, the covariates' own values at a forecast's time entering its forecast. Covariates
 * constant over a series, or collinear with others, are left out of that series' regression. A job without numeric
 * covariates has nothing for it to add to AutoArima, so its portfolio is then empty.
 */
public final class Arimax extends AutoArima {

    public static final String NAME = "Arimax";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        return shape.regressors() == 0 ? List.of() : super.portfolio(task, shape);
    }

    @Override
    protected boolean readsRegressors() {
        return true;
    }

    @Override
    protected SeriesFit fitSeries(double[] values, double[][] regressors, Params params, Deadline deadline) {
        if (regressors == null || regressors.length == 0 || regressors[0].length == 0) {
            return fitSeries(values, params, deadline);
        }
        return fitWithRegressors(recent(values), recent(regressors), params.getInt(SEASONALITY, 1), deadline);
    }
}
