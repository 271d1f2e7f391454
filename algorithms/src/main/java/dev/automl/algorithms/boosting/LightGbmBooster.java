package dev.automl.algorithms.boosting;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;

/**
 * A LightGBM booster driven through the C API directly. lightgbm4j's {@code LGBMBooster} predicts into a buffer of
 * 2 x rows values whatever the number of classes, which overruns native memory with 3 or more classes and kills
 * the JVM ({@code free(): invalid next size}); this class sizes the buffer with {@code LGBM_BoosterCalcNumPredict}.
 * lightgbm4j is still used to load the native library and to build datasets.
 */
final class LightGbmBooster implements AutoCloseable {

    private static final int PREDICT_NORMAL = 0;
    private static final int PREDICT_ALL_ITERATIONS = -1;
    private static final long MODEL_STRING_BUFFER = 1 << 20;

    private SWIGTYPE_p_void handle;
    /** LightGBM's single-row predictor and its buffers, set up by the first one-row prediction. */
    private SingleRow singleRow;

    /** A FastConfig handle with the Java and native buffers one row's prediction goes through. */
    private record SingleRow(SWIGTYPE_p_void config, int cols, double[] input, SWIGTYPE_p_long_long length,
                             SWIGTYPE_p_double output, int outputs) {

        void free() {
            lightgbmlib.LGBM_FastConfigFree(config);
            lightgbmlib.delete_int64_tp(length);
            lightgbmlib.delete_doubleArray(output);
        }
    }

    private LightGbmBooster(SWIGTYPE_p_void handle) {
        this.handle = handle;
    }

    /** Loads LightGBM's native libraries once per JVM. */
    static void ensureNativeLoaded() {
        LightGbmNative.ensureLoaded();
    }

    static LightGbmBooster create(LGBMDataset train, String params) {
        SWIGTYPE_p_p_void out = lightgbmlib.new_voidpp();
        try {
            check(lightgbmlib.LGBM_BoosterCreate(train.handle, params, out), "creating the booster");
            return new LightGbmBooster(lightgbmlib.voidpp_value(out));
        } finally {
            lightgbmlib.delete_voidpp(out);
        }
    }

    /** A booster from LightGBM's text format; a damaged text is an {@link IllegalStateException}, never a crash. */
    static LightGbmBooster fromModelString(String model) {
        LightGbmModelText.check(model);
        ensureNativeLoaded();
        SWIGTYPE_p_p_void out = lightgbmlib.new_voidpp();
        SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
        try {
            check(lightgbmlib.LGBM_BoosterLoadModelFromString(model, iterations, out), "loading a model");
            return new LightGbmBooster(lightgbmlib.voidpp_value(out));
        } finally {
            lightgbmlib.delete_intp(iterations);
            lightgbmlib.delete_voidpp(out);
        }
    }

    void addValidData(LGBMDataset valid) {
        check(lightgbmlib.LGBM_BoosterAddValidData(handle(), valid.handle), "adding validation data");
    }

    /** Adds one iteration; false when LightGBM found no split to add, so the model did not grow. */
    boolean updateOneIter() {
        int before = currentIteration();
        SWIGTYPE_p_int finished = lightgbmlib.new_intp();
        try {
            check(lightgbmlib.LGBM_BoosterUpdateOneIter(handle(), finished), "training");
        } finally {
            lightgbmlib.delete_intp(finished);
        }
        return currentIteration() > before;
    }

    int currentIteration() {
        SWIGTYPE_p_int out = lightgbmlib.new_intp();
        try {
            check(lightgbmlib.LGBM_BoosterGetCurrentIteration(handle(), out), "reading the iteration");
            return lightgbmlib.intp_value(out);
        } finally {
            lightgbmlib.delete_intp(out);
        }
    }

    int numFeatures() {
        SWIGTYPE_p_int out = lightgbmlib.new_intp();
        try {
            check(lightgbmlib.LGBM_BoosterGetNumFeature(handle(), out), "reading the number of features");
            return lightgbmlib.intp_value(out);
        } finally {
            lightgbmlib.delete_intp(out);
        }
    }

    /** Drops the iterations after the first {@code iterations}, updating the training and validation scores. */
    void rollbackTo(int iterations) {
        while (currentIteration() > iterations) {
            check(lightgbmlib.LGBM_BoosterRollbackOneIter(handle()), "rolling back an iteration");
        }
    }

    /**
     * LightGBM's own transformed predictions for the first validation set at the current iteration (probabilities
     * for classification), kept up to date while training, so reading them costs nothing like a new prediction.
     * Multiclass values are class-major: all rows of class 0, then class 1, and so on.
     */
    double[] validPredictions() {
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        SWIGTYPE_p_double output = null;
        try {
            check(lightgbmlib.LGBM_BoosterGetNumPredict(handle(), 1, length), "sizing the validation predictions");
            long n = lightgbmlib.int64_tp_value(length);
            output = lightgbmlib.new_doubleArray(n);
            check(lightgbmlib.LGBM_BoosterGetPredict(handle(), 1, length, output), "reading the validation predictions");
            double[] out = new double[(int) n];
            for (int i = 0; i < out.length; i++) {
                out[i] = lightgbmlib.doubleArray_getitem(output, i);
            }
            return out;
        } finally {
            lightgbmlib.delete_int64_tp(length);
            if (output != null) {
                lightgbmlib.delete_doubleArray(output);
            }
        }
    }

    /** The first metric on the first validation set (data index 1; index 0 is the training data). */
    double validLoss() {
        SWIGTYPE_p_int count = lightgbmlib.new_intp();
        SWIGTYPE_p_double results = null;
        try {
            check(lightgbmlib.LGBM_BoosterGetEvalCounts(handle(), count), "counting metrics");
            int n = lightgbmlib.intp_value(count);
            if (n < 1) {
                throw new IllegalStateException("LightGBM reports no validation metric");
            }
            results = lightgbmlib.new_doubleArray(n);
            check(lightgbmlib.LGBM_BoosterGetEval(handle(), 1, count, results), "evaluating the validation data");
            return lightgbmlib.doubleArray_getitem(results, 0);
        } finally {
            lightgbmlib.delete_intp(count);
            if (results != null) {
                lightgbmlib.delete_doubleArray(results);
            }
        }
    }

    /** The model as LightGBM's text format, keeping only the first {@code iterations} iterations. */
    String modelString(int iterations) {
        SWIGTYPE_p_long_long needed = lightgbmlib.new_int64_tp();
        try {
            long buffer = MODEL_STRING_BUFFER;
            for (int attempt = 0; attempt < 2; attempt++) {
                String s = lightgbmlib.LGBM_BoosterSaveModelToStringSWIG(handle(), 0, iterations, 0, buffer, needed);
                if (s == null) {
                    throw new IllegalStateException("LightGBM failed saving the model: " + lightgbmlib.LGBM_GetLastError());
                }
                long length = lightgbmlib.int64_tp_value(needed);
                // The length counts the terminating NUL; a shorter string means the buffer was too small.
                if (s.length() + 1 >= length) {
                    return s;
                }
                buffer = length;
            }
            throw new IllegalStateException("LightGBM's model text did not fit the buffer it asked for");
        } finally {
            lightgbmlib.delete_int64_tp(needed);
        }
    }

    /**
     * Predicts rows x cols features (row-major) with all iterations of the model: probabilities of class 1 for
     * binary models, rows x classes probabilities for multiclass models, values for regression.
     */
    double[] predict(float[] rowMajor, int rows, int cols, String params) {
        return predictForMat(PREDICT_NORMAL, PREDICT_ALL_ITERATIONS, rowMajor, rows, cols, params);
    }

    /**
     * Raw scores with the first {@code iterations} iterations: the margin before the sigmoid or softmax, one value
     * per row (regression and binary) or rows x classes values.
     */
    double[] rawScores(float[] rowMajor, int rows, int cols, int iterations, String params) {
        return predictForMat(lightgbmlib.C_API_PREDICT_RAW_SCORE, iterations, rowMajor, rows, cols, params);
    }

    /**
     * LightGBM's TreeSHAP values with the first {@code iterations} iterations, adding up to {@link #rawScores}: per
     * row and then per class (one for regression and binary), cols feature values followed by the expected value.
     */
    double[] contributions(float[] rowMajor, int rows, int cols, int iterations, String params) {
        return predictForMat(lightgbmlib.C_API_PREDICT_CONTRIB, iterations, rowMajor, rows, cols, params);
    }

    private double[] predictForMat(int type, int iterations, float[] rowMajor, int rows, int cols, String params) {
        SWIGTYPE_p_void h = handle();
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        SWIGTYPE_p_float input = null;
        SWIGTYPE_p_double output = null;
        try {
            check(lightgbmlib.LGBM_BoosterCalcNumPredict(h, rows, type, 0, iterations, length),
                    "sizing the prediction buffer");
            long expected = lightgbmlib.int64_tp_value(length);
            if (expected > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("LightGBM would write " + expected + " values for " + rows
                        + " rows, more than a Java array holds");
            }
            input = lightgbmlib.new_floatArray((long) rows * cols);
            for (int i = 0; i < rows * cols; i++) {
                lightgbmlib.floatArray_setitem(input, i, rowMajor[i]);
            }
            output = lightgbmlib.new_doubleArray(expected);
            check(lightgbmlib.LGBM_BoosterPredictForMat(h, lightgbmlib.float_to_voidp_ptr(input),
                    lightgbmlib.C_API_DTYPE_FLOAT32, rows, cols, 1, type, 0, iterations, params, length, output),
                    "predicting");
            long written = lightgbmlib.int64_tp_value(length);
            if (written != expected) {
                throw new IllegalStateException("LightGBM wrote " + written + " predictions, expected " + expected);
            }
            double[] out = new double[(int) written];
            for (int i = 0; i < out.length; i++) {
                out[i] = lightgbmlib.doubleArray_getitem(output, i);
            }
            return out;
        } finally {
            lightgbmlib.delete_int64_tp(length);
            if (input != null) {
                lightgbmlib.delete_floatArray(input);
            }
            if (output != null) {
                lightgbmlib.delete_doubleArray(output);
            }
        }
    }

    /**
     * Predicts one row as {@link #predict} does, through LightGBM's single-row fast path: it keeps its predictor and
     * configuration between calls, where LGBM_BoosterPredictForMat sets up a predictor for every call (14 us of a
     * 17 us prediction with 105 trees). {@code params} are read on the first call only.
     */
    synchronized double[] predictRow(float[] row, int cols, String params) {
        SWIGTYPE_p_void h = handle();
        if (singleRow == null || singleRow.cols() != cols) {
            if (singleRow != null) {
                singleRow.free();
                singleRow = null;
            }
            singleRow = openSingleRow(h, cols, params);
        }
        SingleRow s = singleRow;
        for (int j = 0; j < cols; j++) {
            s.input()[j] = row[j];
        }
        check(lightgbmlib.LGBM_BoosterPredictForMatSingleRowFastCriticalSWIG(s.input(), s.config(), s.length(),
                s.output()), "predicting a row");
        long written = lightgbmlib.int64_tp_value(s.length());
        if (written != s.outputs()) {
            throw new IllegalStateException("LightGBM wrote " + written + " predictions, expected " + s.outputs());
        }
        double[] out = new double[s.outputs()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lightgbmlib.doubleArray_getitem(s.output(), i);
        }
        return out;
    }

    private static SingleRow openSingleRow(SWIGTYPE_p_void h, int cols, String params) {
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        SWIGTYPE_p_p_void config = lightgbmlib.new_voidpp();
        SWIGTYPE_p_double output = null;
        try {
            check(lightgbmlib.LGBM_BoosterCalcNumPredict(h, 1, PREDICT_NORMAL, 0, PREDICT_ALL_ITERATIONS, length),
                    "sizing the prediction buffer");
            int outputs = (int) lightgbmlib.int64_tp_value(length);
            output = lightgbmlib.new_doubleArray(outputs);
            check(lightgbmlib.LGBM_BoosterPredictForMatSingleRowFastInit(h, PREDICT_NORMAL, 0, PREDICT_ALL_ITERATIONS,
                    lightgbmlib.C_API_DTYPE_FLOAT64, cols, params, config), "setting up single-row prediction");
            SingleRow s = new SingleRow(lightgbmlib.voidpp_value(config), cols, new double[cols], length, output, outputs);
            length = null;
            output = null;
            return s;
        } finally {
            lightgbmlib.delete_voidpp(config);
            if (length != null) {
                lightgbmlib.delete_int64_tp(length);
            }
            if (output != null) {
                lightgbmlib.delete_doubleArray(output);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (singleRow != null) {
            singleRow.free();
            singleRow = null;
        }
        if (handle != null) {
            lightgbmlib.LGBM_BoosterFree(handle);
            handle = null;
        }
    }

    private synchronized SWIGTYPE_p_void handle() {
        if (handle == null) {
            throw new IllegalStateException("the LightGBM model was closed");
        }
        return handle;
    }

    static void check(int rc, String what) {
        if (rc < 0) {
            throw new IllegalStateException("LightGBM failed " + what + ": " + lightgbmlib.LGBM_GetLastError());
        }
    }

    /** Closes a dataset, turning lightgbm4j's checked exception into an unchecked one. */
    static void closeQuietly(LGBMDataset dataset) {
        if (dataset != null) {
            try {
                dataset.close();
            } catch (LGBMException e) {
                throw new IllegalStateException("LightGBM failed freeing a dataset: " + e.getMessage(), e);
            }
        }
    }
}
