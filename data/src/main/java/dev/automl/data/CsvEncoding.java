package dev.automl.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The text encodings an MLTable {@code read_delimited} may name, under Azure's names, with their Java charsets. */
public enum CsvEncoding {
    UTF8("utf8", StandardCharsets.UTF_8),
    ISO88591("iso88591", StandardCharsets.ISO_8859_1),
    LATIN1("latin1", StandardCharsets.ISO_8859_1),
    ASCII("ascii", StandardCharsets.US_ASCII),
    UTF16("utf16", StandardCharsets.UTF_16),
    UTF32("utf32", Charset.forName("UTF-32")),
    UTF8BOM("utf8bom", StandardCharsets.UTF_8),
    WINDOWS1252("windows1252", Charset.forName("windows-1252"));

    private final String azureName;
    private final Charset charset;

    CsvEncoding(String azureName, Charset charset) {
        this.azureName = azureName;
        this.charset = charset;
    }

    public String azureName() {
        return azureName;
    }

    public Charset charset() {
        return charset;
    }

    /** Whether a leading UTF-8 byte order mark is dropped rather than read as part of the first header name. */
    boolean skipsUtf8Bom() {
        return charset.equals(StandardCharsets.UTF_8) || this == ASCII;
    }

    /**
     * The encoding with this Azure name; case, dashes and underscores are ignored so that the spellings people
     * carry over from Python ({@code UTF-8}, {@code iso-8859-1}) work too.
     */
    public static Optional<CsvEncoding> forName(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (CsvEncoding e : values()) {
            if (e.azureName.equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The valid names, for error messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(CsvEncoding::azureName).collect(Collectors.joining(", "));
    }
}
