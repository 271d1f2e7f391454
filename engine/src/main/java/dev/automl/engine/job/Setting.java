package dev.automl.engine.job;

/**
 * A job option that Azure lets a user set to a value, to {@code auto} (the engine decides) or turn off.
 *
 * @param value the value when {@code mode} is {@link Mode#GIVEN}; null otherwise
 */
public record Setting<T>(Mode mode, T value) {

    /** How the option was set. */
    public enum Mode {
        AUTO, OFF, GIVEN
    }

    public Setting {
        if ((mode == Mode.GIVEN) != (value != null)) {
            throw new IllegalArgumentException("a setting has a value exactly when it is given");
        }
    }

    public static <T> Setting<T> auto() {
        return new Setting<>(Mode.AUTO, null);
    }

    public static <T> Setting<T> off() {
        return new Setting<>(Mode.OFF, null);
    }

    public static <T> Setting<T> of(T value) {
        return new Setting<>(Mode.GIVEN, value);
    }

    @Override
    public String toString() {
        return mode == Mode.GIVEN ? String.valueOf(value) : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
