package dev.automl.featurization;

/**
 * A user's imputer choice for one column ({@code transformer_params.imputer} in custom featurization).
 *
 * @param fillValue the value for {@link ImputationStrategy#CONSTANT}, as text; null otherwise
 */
public record ImputerSpec(ImputationStrategy strategy, String fillValue) {

    public ImputerSpec {
        if (strategy == ImputationStrategy.CONSTANT && fillValue == null) {
            throw new IllegalArgumentException("a constant imputer needs a fill value");
        }
    }
}
