package dev.automl.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text a user should never see: lines of a stack trace, and the names of Java classes and exceptions. */
final class LeakedInternals {

    private static final Pattern LEAK = Pattern.compile("\tat |Exception in thread|Caused by:|\\.\\.\\. \\d+ more"
            + "|\\b(java|javax|jdk|sun|dev\\.automl|com\\.fasterxml|org\\.apache|org\\.yaml|picocli)\\.[a-z0-9_.]*[A-Z]\\w*"
            + "|\\w+(Exception|Error)\\b|\\w+@[0-9a-f]{6,}\\b");

    private LeakedInternals() {
    }

    /** The first leaked piece of {@code text}, if any. */
    static Optional<String> in(String text) {
        Matcher m = LEAK.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
