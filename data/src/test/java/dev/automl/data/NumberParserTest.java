package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberParserTest {

    @Test
    void agreesWithJavaOnDecimalSyntax() {
        Random r = new Random(7);
        for (int i = 0; i < 60_000; i++) {
            String s = switch (i % 6) {
                case 0 -> Long.toString(r.nextLong() >> r.nextInt(64));
                case 1 -> String.format(Locale.ROOT, "%." + r.nextInt(12) + "f", r.nextGaussian() * Math.pow(10, r.nextInt(10)));
                case 2 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
                case 3 -> Double.toString(Double.longBitsToDouble(r.nextLong()));
                case 4 -> (r.nextBoolean() ? "+" : "-") + r.nextInt(1000) + "." + r.nextInt(1000) + "e" + (r.nextInt(60) - 30);
                default -> "0." + "0".repeat(r.nextInt(30)) + r.nextInt(100000);
            };
            if (s.contains("NaN") || s.contains("Infinity")) {
                continue;
            }
            assertEquals(Double.parseDouble(s), NumberParser.parse(s), s);
        }
    }

    @Test
    void toleratesBlanksAndShortForms() {
        assertEquals(12.0, NumberParser.parse(" 12 "));
        assertEquals(-3.5, NumberParser.parse("\t-3.5"));
        assertEquals(0.5, NumberParser.parse(".5"));
        assertEquals(5.0, NumberParser.parse("5."));
        assertEquals(1200.0, NumberParser.parse("1.2E3"));
        assertEquals(7.0, NumberParser.parse("007"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(NumberParser.parse("-0")));
    }

    @Test
    void rejectsWhatIsNotADecimalNumber() {
        for (String s : new String[] {"", " ", "NaN", "nan", "inf", "-inf", "Infinity", "1d", "2f", "0x1p3", "1e",
                "1e+", ".", "-", "+.", "1,5", "1 000", "12abc", "1.2.3", "--1", "1.#IND"}) {
            assertTrue(Double.isNaN(NumberParser.parse(s)), s);
        }
    }
}
