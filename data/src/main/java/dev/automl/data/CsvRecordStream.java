package dev.automl.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One delimited file opened for reading record by record (gzip and a UTF-8 byte order mark handled), whose
 * failures become {@link InvalidInputException}s naming the file and the line as a text editor counts it.
 */
final class CsvRecordStream implements AutoCloseable {

    private static final int BUFFER = 1 << 16;
    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    private static final Pattern AT_LINE = Pattern.compile("at line: (\\d+)");

    private final Path file;
    private final CsvReadOptions options;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRecordStream(Path file, CsvReadOptions options, CodingErrorAction onBadBytes) throws IOException {
        this.file = file;
        this.options = options;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).get();
        this.parser = CSVParser.parse(openReader(file, options.encoding(), onBadBytes), format);
        this.records = parser.iterator();
    }

    /** Opens a file, failing with a message that names it when it is missing or unreadable. */
    static CsvRecordStream open(Path file, CsvReadOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("File not found: " + file);
        }
        try {
            return new CsvRecordStream(file, options, CodingErrorAction.REPORT);
        } catch (ZipException | EOFException e) {
            throw damagedGzip(file, e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** "file, line n", the prefix of every message about a place in this file. */
    String where(long line) {
        return file + ", line " + line;
    }

    /** The next record, or null at the end of the file. */
    CSVRecord next() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw translate(e.getCause());
        }
    }

    /** The line on which a record just returned by {@link #next} starts. */
    long lineOf(CSVRecord record) {
        // The parser counts the line breaks read so far, which ends at the record's last line; quoted fields
        // may span lines, so step back over the line breaks inside the record's fields.
        long breaks = 0;
        for (int i = 0; i < record.size(); i++) {
            breaks += lineBreaks(record.get(i));
        }
        return parser.getCurrentLineNumber() - breaks;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Closing a file only read from loses nothing.
        }
    }

    private InvalidInputException translate(IOException e) {
        long line = parser.getCurrentLineNumber() + 1;
        String message = String.valueOf(e.getMessage());
        if (e instanceof CharacterCodingException) {
            return undecodableBytes();
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return damagedGzip(file, e);
        }
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new InvalidInputException(where(lineIn(message, START_LINE, line))
                    + ": a quoted field starts here but its closing quote (\") is missing, so the rest of the file"
                    + " would be one field. Close the quote; a quote inside a quoted field is written twice (\"\").");
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return new InvalidInputException(where(lineIn(message, AT_LINE, line))
                    + ": a quoted field is followed by other characters before the next delimiter. A quote inside"
                    + " a quoted field is written twice (\"\").");
        }
        return new InvalidInputException(where(line) + ": not valid delimited text: " + message, e);
    }

    /**
     * The decoder reports bad bytes a buffer ahead of the parser, so the file is read again with bad bytes replaced
     * to find the first record that holds one and give its exact line.
     */
    private InvalidInputException undecodableBytes() {
        if (options.encoding() != CsvEncoding.UTF16 && startsWithUtf16Bom(file)) {
            return new InvalidInputException(file + ": the file starts with a UTF-16 byte order mark, so it is UTF-16"
                    + " text, not " + options.encoding().azureName() + ". Read it through an MLTable file with"
                    + " read_delimited: {encoding: utf16}, or save it as UTF-8.");
        }
        String advice = " are not valid " + options.encoding().azureName() + " text. Set the encoding of the file"
                + " (read_delimited: encoding: in the MLTable file), one of: " + CsvEncoding.validNames() + ".";
        try (CsvRecordStream again = new CsvRecordStream(file, options, CodingErrorAction.REPLACE)) {
            for (CSVRecord r = again.next(); r != null; r = again.next()) {
                for (int i = 0; i < r.size(); i++) {
                    if (r.get(i).indexOf('\uFFFD') >= 0) {
                        return new InvalidInputException(again.where(again.lineOf(r)) + ": the bytes of field "
                                + (i + 1) + advice);
                    }
                }
            }
        } catch (IOException | InvalidInputException e) {
            // Fall through to the message without a line.
        }
        return new InvalidInputException(file + ": some bytes" + advice);
    }

    /** Only gzip data ends early or fails its checks: a plain file just ends. */
    private static InvalidInputException damagedGzip(Path file, IOException e) {
        String why = e instanceof EOFException ? "ends early: the file is cut short"
                : "is damaged (" + e.getMessage() + ")";
        return new InvalidInputException(file + ": the gzip-compressed data " + why + ". Compress the data again, or"
                + " give the uncompressed file.", e);
    }

    private static boolean startsWithUtf16Bom(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int b0 = in.read();
            int b1 = in.read();
            return b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF;
        } catch (IOException e) {
            return false;
        }
    }

    private static long lineIn(String message, Pattern p, long fallback) {
        Matcher m = p.matcher(message);
        return m.find() ? Long.parseLong(m.group(1)) : fallback;
    }

    private static int lineBreaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    private static Reader openReader(Path file, CsvEncoding encoding, CodingErrorAction onBadBytes)
            throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            if (isGzip(in)) {
                in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            if (encoding.skipsUtf8Bom()) {
                skipUtf8Bom(in);
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(onBadBytes).onUnmappableCharacter(onBadBytes);
        return new InputStreamReader(in, decoder);
    }

    /** Gzip is recognised by its magic bytes, so a compressed file need not be named .gz. */
    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static void skipUtf8Bom(InputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
    }
}
