package dev.automl.data;

/** Shows a value from the user's data inside an error message so that blanks, tabs and line breaks stay visible. */
final class Quoted {

    private static final int MAX_SHOWN = 80;

    private Quoted() {
    }

    static String of(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 2).append('\'');
        for (int i = 0; i < value.length() && i < MAX_SHOWN; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        if (value.length() > MAX_SHOWN) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
