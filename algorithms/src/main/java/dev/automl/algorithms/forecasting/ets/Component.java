package dev.automl.algorithms.forecasting.ets;

/** How one part of an ETS model (error, trend or season) enters it: not at all, added, or multiplied, as R's letters. */
public enum Component {
    N, A, M;

    static Component of(char letter) {
        return switch (letter) {
            case 'N' -> N;
            case 'A' -> A;
            case 'M' -> M;
            default -> throw new IllegalArgumentException("no ETS component " + letter + "; the letters are N, A and M");
        };
    }
}
