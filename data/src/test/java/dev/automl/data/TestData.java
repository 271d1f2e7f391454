package dev.automl.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's testdata/ folder from wherever the tests run (Maven runs them in featurization/). */
final class TestData {

    private TestData() {
    }

    static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath().normalize();
        while (dir != null && !Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no testdata/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("testdata").resolve(relative);
    }
}
