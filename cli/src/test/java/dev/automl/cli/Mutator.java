package dev.automl.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded random damage to a valid file: bytes flipped, inserted, deleted or repeated, the file cut short, lines
 * dropped, repeated or swapped, and tokens replaced by values that parsers get wrong (huge numbers, NaN, quotes,
 * YAML anchors and tags, byte order marks, NUL bytes, very long text).
 */
final class Mutator {

    /** Values that have broken parsers before; each replaces a token or is inserted at random. */
    private static final List<String> TRICKY = List.of("1e400", "-1e400", "inf", "-inf", "NaN", "nan", "-0", "0", "-1",
            "99999999999999999999", "2147483648", "0x1F", "1_000", ".5e-", "\"", "\"\"", "'", "''", ",", ";", "\t", "\n",
            "\r", "\r\n", "\\", "\u0000", "\uFEFF", "\u00e9", "\uD83D\uDE00", "~", "null", "true", "[", "]", "{", "}",
            "- ", ": ", "? ", "&a ", "*a", "<<: *a", "!!binary ", "!!java.lang.Object ", "!!float ", "!!int ", "!!str ",
            "!!map ", "!!seq ", "!tag ", "--- ", "...", "%YAML 1.1\n", "|\n", ">-\n", "#", "@", "`", "  ", "\n  - ",
            "2024-02-30", "24:61", "1970-01-01T00:00:00Z", "", "x".repeat(10_000), "[".repeat(200), "{a: ".repeat(120));

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** A number from 0 to n - 1, such as which seed file to start from. */
    int pick(int n) {
        return random.nextInt(n);
    }

    /** One to four mutations of text (mostly one): any of the byte mutations, and line and token ones. */
    byte[] mutateText(byte[] valid) {
        byte[] b = valid;
        int n = count();
        for (int i = 0; i < n; i++) {
            b = switch (random.nextInt(10)) {
                case 0, 1, 2 -> replaceToken(b);
                case 3 -> insertTricky(b);
                case 4 -> lines(b);
                default -> mutateBytesOnce(b);
            };
        }
        return b;
    }

    /** One to four byte mutations (mostly one): for binary files, where tokens and lines mean nothing. */
    byte[] mutateBinary(byte[] valid) {
        byte[] b = valid;
        int n = count();
        for (int i = 0; i < n; i++) {
            b = mutateBytesOnce(b);
        }
        return b;
    }

    /** One mutation half the time, so that most cases keep the file close enough to valid to reach deep code. */
    private int count() {
        return random.nextBoolean() ? 1 : 2 + random.nextInt(3);
    }

    private byte[] mutateBytesOnce(byte[] b) {
        if (b.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(b.length);
        return switch (random.nextInt(7)) {
            case 0 -> {
                byte[] out = b.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                yield out;
            }
            case 1 -> {
                byte[] out = b.clone();
                out[at] = (byte) random.nextInt(256);
                yield out;
            }
            case 2 -> splice(b, at, at, randomBytes(1 + random.nextInt(8)));
            case 3 -> splice(b, at, Math.min(b.length, at + 1 + random.nextInt(16)), new byte[0]);
            case 4 -> {
                int end = Math.min(b.length, at + 1 + random.nextInt(64));
                yield splice(b, end, end, Arrays.copyOfRange(b, at, end));
            }
            case 5 -> Arrays.copyOf(b, at);
            default -> {
                // A run of one byte value sets lengths and counts in binary headers to extremes (0, -1, huge).
                byte[] out = b.clone();
                byte v = random.nextBoolean() ? (byte) 0xFF : 0;
                for (int i = at; i < Math.min(out.length, at + 1 + random.nextInt(8)); i++) {
                    out[i] = v;
                }
                yield out;
            }
        };
    }

    private byte[] replaceToken(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        List<int[]> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && !" ,;:\n\r\t[]{}\"'".contains(String.valueOf(s.charAt(i)));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(new int[] {start, i});
                start = -1;
            }
        }
        if (tokens.isEmpty()) {
            return insertTricky(b);
        }
        int[] t = tokens.get(random.nextInt(tokens.size()));
        // Another token of the same file puts a known word (a key, a column name) where it does not belong.
        int[] other = tokens.get(random.nextInt(tokens.size()));
        String with = random.nextInt(4) == 0 ? s.substring(other[0], other[1]) : tricky();
        return (s.substring(0, t[0]) + with + s.substring(t[1])).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] insertTricky(byte[] b) {
        int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
        return splice(b, at, at, tricky().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] lines(byte[] b) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
        if (lines.size() < 2) {
            return insertTricky(b);
        }
        int i = random.nextInt(lines.size());
        int j = random.nextInt(lines.size());
        switch (random.nextInt(4)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(j, lines.get(i));
            case 2 -> {
                String x = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, x);
            }
            default -> {
                // Many copies of a line: a long file, or a key repeated.
                for (int k = 0; k < 1 + random.nextInt(200); k++) {
                    lines.add(i, lines.get(i));
                }
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private String tricky() {
        return TRICKY.get(random.nextInt(TRICKY.size()));
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, from);
        out.write(insert, 0, insert.length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }
}
