package dev.automl.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a small text file the user wrote (a job, an MLTable file) that must be UTF-8, naming the line that is not. */
public final class Utf8File {

    private Utf8File() {
    }

    /**
     * @param shown how messages name the file
     * @param what  what the file is, for the advice ("job file", "MLTable file")
     */
    public static String read(Path file, String shown, String what) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new InvalidInputException(shown + ", line " + line + ": this line holds bytes that are not UTF-8"
                    + " text (the file may be saved as Latin-1 or UTF-16); save the " + what + " as UTF-8.");
        }
        utf8.flush(out);
        return out.flip().toString();
    }
}
