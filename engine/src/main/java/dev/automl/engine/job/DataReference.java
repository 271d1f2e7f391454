package dev.automl.engine.job;

import java.nio.file.Path;

/** A dataset the job points at: an MLTable folder or a CSV file, resolved against the job file's folder. */
public record DataReference(Path path, String type) {
}
