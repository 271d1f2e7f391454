package dev.automl.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Why a YAML file does not parse, in one line, where SnakeYAML's own message spans five lines, quotes the text and
 * calls the file 'reader'.
 *
 * @param where   "line L, column C" of the problem, or "" when the parser did not say
 * @param problem what is wrong there, without the place
 * @param syntax  whether the text is not YAML at all, rather than YAML with a value the reader cannot take
 */
public record YamlSyntaxProblem(String where, String problem, boolean syntax) {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern MALFORMED_NUMBER = Pattern.compile("Malformed numeric value '([^']*)'");

    public static YamlSyntaxProblem of(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                return new YamlSyntaxProblem(at(y.getProblemMark()), readable(y.getProblem())
                        + (y.getContext() == null || y.getContextMark() == null ? ""
                        : " (" + y.getContext().strip() + " at " + at(y.getContextMark()) + ")"), true);
            }
        }
        String message = String.valueOf(e.getOriginalMessage()).strip();
        JsonLocation l = e.getLocation();
        String where = l == null || l.getLineNr() < 1 ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            // Jackson stops after the repeated key; a user looks for where it starts.
            if (l != null && l.getLineNr() >= 1) {
                where = "line " + l.getLineNr() + ", column " + Math.max(1, l.getColumnNr() - duplicate.group(1).length());
            }
            message = "the key '" + duplicate.group(1) + "' is written twice in the same block; keep one of them";
        }
        if (message.startsWith("Trailing token")) {
            return new YamlSyntaxProblem(where, "the file goes on after its document ends (a line '---' or '...'"
                    + " starts another); keep one document", true);
        }
        if (message.startsWith("Expected a field name")) {
            // Jackson names SnakeYAML's event class here; the user wrote an alias, a list or a block as a key.
            return new YamlSyntaxProblem(where, "a key must be a plain name, not an alias (*name), a list or a block;"
                    + " write key: value", true);
        }
        Matcher number = MALFORMED_NUMBER.matcher(message);
        if (number.find()) {
            // YAML 1.1's .nan and .inf, which Jackson does not read; valid YAML, but no limit or setting wants them.
            return new YamlSyntaxProblem(where, "'" + number.group(1) + "' is not a number this engine reads;"
                    + " write a plain number, such as 60", false);
        }
        return new YamlSyntaxProblem(where, message, true);
    }

    /** "FILE, line L, column C: not valid YAML: problem." */
    public String message(String file) {
        return file + (where.isEmpty() ? "" : ", " + where) + ": " + (syntax ? "not valid YAML: " : "") + problem + ".";
    }

    private static String at(Mark m) {
        return "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
    }

    private static String readable(String problem) {
        String p = String.valueOf(problem).strip();
        if (p.contains("\\t(TAB)")) {
            return "a tab character here cannot start anything in YAML; indent with spaces, not tabs";
        }
        return p;
    }
}
