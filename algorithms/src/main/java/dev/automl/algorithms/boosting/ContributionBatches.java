package dev.automl.algorithms.boosting;

/**
 * Reads the TreeSHAP output both boosting libraries share (per row and output, the features' values followed by
 * the expected value) into {@code Contributions}' arrays, batch by batch.
 */
final class ContributionBatches {

    /** About 8 MB of double output per batch; the output, not the input, is the large side here. */
    private static final int OUTPUTS_PER_BATCH = 1 << 20;

    private ContributionBatches() {
    }

    /** Input values per batch such that a batch's output of outputs x (cols + 1) values per row stays bounded. */
    static int valuesPerBatch(int outputs, int cols) {
        long perRow = (long) outputs * (cols + 1);
        long rows = Math.max(1, OUTPUTS_PER_BATCH / perRow);
        return (int) Math.min(Integer.MAX_VALUE, rows * Math.max(1, cols));
    }

    /**
     * Copies one batch's feature values into {@code values} at row {@code first} and checks its expected values
     * against {@code base}, which the first batch fills in.
     *
     * @param raw rows x outputs x (features + 1) values, the library's layout
     */
    static void unpack(double[] raw, int first, int rows, int outputs, int features, double[] values, double[] base) {
        int width = features + 1;
        if (raw.length != rows * outputs * width) {
            throw new IllegalStateException("got " + raw.length + " contributions for " + rows + " rows, expected "
                    + (long) rows * outputs * width);
        }
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < outputs; k++) {
                int from = (i * outputs + k) * width;
                System.arraycopy(raw, from, values, ((first + i) * outputs + k) * features, features);
                double expected = raw[from + features];
                if (first == 0 && i == 0) {
                    base[k] = expected;
                } else if (expected != base[k]) {
                    // Without a per-row base margin, which this engine never sets, the expected value is a
                    // property of the trees alone; rows that disagree would not fit one base per output.
                    throw new IllegalStateException("the expected value of output " + k + " differs between rows: "
                            + base[k] + " and " + expected);
                }
            }
        }
    }
}
