package dev.automl.algorithms.boosting;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads LightGBM's native libraries once per JVM from a directory of this process's own.
 *
 * <p>lightgbm4j extracts {@code lib_lightgbm.so} to {@code java.io.tmpdir} under a fixed name, overwriting the
 * file on every start. A second JVM starting while the first runs rewrites the library the first has mapped,
 * and the first dies with SIGBUS (seen here when two runs overlapped). Pointing {@code java.io.tmpdir} at a fresh
 * directory for the moment lightgbm4j initialises gives each process its own copy.
 */
final class LightGbmNative {

    private static boolean loaded;

    private LightGbmNative() {
    }

    static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        String tmp = System.getProperty("java.io.tmpdir");
        Path own;
        try {
            own = Files.createTempDirectory("automl-lightgbm-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a folder for LightGBM's native library in " + tmp + ": " + e.getMessage(), e);
        }
        own.toFile().deleteOnExit();
        System.setProperty("java.io.tmpdir", own + File.separator);
        try {
            // The first touch of LGBMBooster runs its static initialiser, which extracts and loads the libraries.
            if (!LGBMBooster.isNativeLoaded()) {
                LGBMBooster.loadNative();
            }
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("LightGBM's native library could not be loaded: " + e.getMessage(), e);
        } finally {
            System.setProperty("java.io.tmpdir", tmp);
            File[] files = own.toFile().listFiles();
            if (files != null) {
                for (File f : files) {
                    f.deleteOnExit();
                }
            }
        }
        loaded = true;
    }
}
