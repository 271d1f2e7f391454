package dev.automl.algorithms.forest;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Silences Tribuo's and OLCUT's java.util.logging INFO chatter (one line per tree trained). */
final class TribuoLogging {

    // java.util.logging holds loggers weakly: without these references the level would be forgotten.
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.tribuo"),
            Logger.getLogger("com.oracle.labs.mlrg.olcut"));

    static {
        QUIETED.forEach(l -> l.setLevel(Level.WARNING));
    }

    private TribuoLogging() {
    }

    /** Touching this class is enough; the method makes the intent visible at the call site. */
    static void quiet() {
        // The static initialiser does the work.
    }
}
