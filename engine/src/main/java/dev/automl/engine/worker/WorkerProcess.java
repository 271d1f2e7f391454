package dev.automl.engine.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One worker JVM and the socket to it. Its console output goes to a log file, since native libraries print to
 * standard output, which therefore cannot carry the messages.
 */
final class WorkerProcess implements AutoCloseable {

    /** A worker that has not connected this long after starting is broken (its JVM starts in well under a second). */
    private static final long CONNECT_SECONDS = 60;

    private final int id;
    private final Process process;
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Path log;
    private final Path errorFile;
    private volatile boolean killed;

    private WorkerProcess(int id, Process process, SocketChannel channel, Path log, Path errorFile) {
        this.id = id;
        this.process = process;
        this.channel = channel;
        this.log = log;
        this.errorFile = errorFile;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    }

    /** Starts worker {@code id} with the given JVM command (up to the main class) and waits until it connects. */
    static WorkerProcess start(int id, Path dir, List<String> jvm) throws IOException {
        Path socket = dir.resolve("w" + id + ".sock");
        Path log = dir.resolve("worker-" + id + ".log");
        Path errorFile = dir.resolve("worker-" + id + "-crash.log");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            server.configureBlocking(false);
            List<String> command = new ArrayList<>(jvm.subList(0, jvm.size() - 1));
            command.add("-XX:ErrorFile=" + errorFile);
            command.add(jvm.get(jvm.size() - 1));
            command.add(socket.toString());
            command.add(Long.toString(ProcessHandle.current().pid()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_SECONDS);
            while (true) {
                SocketChannel channel = server.accept();
                if (channel != null) {
                    channel.configureBlocking(true);
                    return new WorkerProcess(id, process, channel, log, errorFile);
                }
                if (!process.isAlive() || System.nanoTime() > until) {
                    process.destroyForcibly();
                    throw new IOException("a worker process did not start: " + tail(log));
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while a worker process started");
                }
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    int id() {
        return id;
    }

    /** Sends a request; the reply is read with {@link #in()}. */
    void send(FitRequest request) throws IOException {
        Frames.writeJson(out, request);
        out.flush();
    }

    DataInputStream in() {
        return in;
    }

    /** Ends the worker now, as a deadline or an abandoned trial requires; a read then in progress fails. */
    void kill() {
        killed = true;
        process.destroyForcibly();
    }

    boolean killed() {
        return killed;
    }

    /**
     * Why the worker went away, once its socket has closed mid-request: its exit code read as a signal, what the
     * JVM's fatal-error log names as the crashing frame, and the last lines it printed.
     */
    String death() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            return "its worker process stopped answering";
        }
        int code = process.exitValue();
        StringBuilder why = new StringBuilder("its worker process crashed (exit code ").append(code);
        String signal = signal(code);
        if (!signal.isEmpty()) {
            why.append(", ").append(signal);
        }
        why.append(')');
        String frame = crashFrame();
        if (!frame.isEmpty()) {
            why.append(": ").append(frame);
        } else {
            String tail = tail(log);
            if (!tail.isEmpty()) {
                why.append(": ").append(tail);
            }
        }
        return why.toString();
    }

    /** The JVM's fatal-error log, when the worker wrote one. */
    Path errorFile() {
        return errorFile;
    }

    private static String signal(int code) {
        return switch (code) {
            case 134 -> "SIGABRT";
            case 135 -> "SIGBUS";
            case 137 -> "SIGKILL, as the out-of-memory killer sends";
            case 139 -> "SIGSEGV";
            default -> "";
        };
    }

    /** "SIGSEGV (0xb) in C [lib_lightgbm.so+0x1234]", read from the JVM's fatal-error log. */
    private String crashFrame() {
        if (!Files.isRegularFile(errorFile)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(errorFile, StandardCharsets.ISO_8859_1);
            String what = "";
            String frame = "";
            for (int i = 0; i < Math.min(lines.size(), 40); i++) {
                String l = lines.get(i);
                if (what.isEmpty() && l.startsWith("#  SIG")) {
                    what = l.substring(3).replaceFirst(" at pc=.*", "").trim();
                } else if (what.isEmpty() && l.startsWith("#  EXCEPTION")) {
                    what = l.substring(3).trim();
                }
                if (l.startsWith("# Problematic frame:") && i + 1 < lines.size()) {
                    frame = lines.get(i + 1).substring(1).trim().replaceAll("\\s+", " ");
                }
            }
            return (what + (frame.isEmpty() ? "" : " in " + frame)).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** The last non-empty lines of the worker's console, joined, at most 300 characters. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            StringBuilder out = new StringBuilder();
            for (int i = lines.size() - 1; i >= 0 && out.length() < 300; i--) {
                String l = lines.get(i).trim();
                if (!l.isEmpty()) {
                    out.insert(0, out.length() == 0 ? l : l + " | ");
                }
            }
            return out.length() > 300 ? "..." + out.substring(out.length() - 300) : out.toString();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // The process goes below either way.
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
