package dev.automl.featurization;

/**
 * Why the automatic featurizer leaves a raw column out: the kind, which decisions read, and the description that
 * the user sees and the model keeps.
 */
public record DropReason(Kind kind, String description) {

    /** The rules that drop a column. */
    public enum Kind {
        ALL_MISSING,
        CONSTANT,
        /** Identifies rows rather than describing them: a running number, or a distinct value in almost every row. */
        ID_LIKE
    }

    static final DropReason ALL_MISSING = new DropReason(Kind.ALL_MISSING, "all values missing");
    static final DropReason CONSTANT = new DropReason(Kind.CONSTANT, "constant");
}
