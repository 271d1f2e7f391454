package dev.automl.engine.run;

import dev.automl.data.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one run on its output folder, so that two runs never write into the same folder: an operating-system
 * lock on {@code .automl.lock} there, which the system drops when the process ends however it ends (a killed run
 * leaves no stale lock to clear by hand).
 */
public final class OutputLock implements AutoCloseable {

    static final String FILE = ".automl.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims the folder, creating it; refuses with the holder's process id when another run holds it. */
    public static OutputLock acquire(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException("--output " + dir + " names a file, not a folder; give another --output, or"
                    + " move the file away.");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another run in this process
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new InvalidInputException("Another run is writing to the output folder "
                        + dir.toAbsolutePath().normalize() + (holder.isEmpty() ? "" : " (process " + holder + ")")
                        + ". Wait for it to end, or give this run another --output.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new OutputLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidInputException("Cannot write the output folder " + dir.toAbsolutePath().normalize()
                    + ": " + e.getMessage());
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        int n = channel.read(b, 0);
        return n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.UTF_8).strip();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The process is ending or the folder is gone; the system drops the lock either way.
        }
    }
}
