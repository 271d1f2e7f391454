package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code testdata/bad-inputs} run through the jar as a user would: the exit code and the message its
 * case file names, and never a stack trace or a Java class name. The table in {@code docs/reliability.md} is made
 * from the same case files ({@code -Dreliability.write=true} rewrites it) and checked against them.
 */
class BadInputSuiteIT {

    /** Two JVMs at a time: the cases are mostly JVM start-up, and CI has two cores. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bad-input-case");
        t.setDaemon(true);
        return t;
    });

    /** Where each case runs, kept after the test for a look at what it left. */
    private static final Path WORK = Path.of("target", "bad-inputs").toAbsolutePath();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseEndsAsItsCaseFileSays() throws IOException {
        List<BadInputCase> cases = BadInputCase.all();
        assertTrue(cases.size() >= 60, "issue 19 asks for at least 60 cases, found " + cases.size());
        String only = System.getProperty("bad-inputs.only");
        if (only != null) {
            cases = cases.stream().filter(c -> c.id().matches(only)).toList();
        }
        BadInputCase.deleteTree(WORK);
        CompletableFuture<Path> model = cases.stream().anyMatch(BadInputCase::needsModel)
                ? CompletableFuture.supplyAsync(BadInputSuiteIT::trainModel, POOL) : CompletableFuture.completedFuture(null);
        List<DynamicTest> tests = new ArrayList<>();
        for (BadInputCase c : cases) {
            CompletableFuture<JarRunner.Result> result = c.pending() != null ? null
                    : (c.needsModel() ? model.thenApplyAsync(m -> run(c, m), POOL)
                    : CompletableFuture.supplyAsync(() -> run(c, null), POOL));
            tests.add(DynamicTest.dynamicTest(c.id() + ": " + c.input(), () -> {
                Assumptions.assumeTrue(c.pending() == null, () -> {
                    String why = c.id() + " is pending: " + c.pending();
                    System.out.println(why);
                    return why;
                });
                check(c, outcome(result));
            }));
        }
        return tests.stream();
    }

    @Test
    void reliabilityTableIsMadeFromTheCases() throws IOException {
        Path doc = JarRunner.repoRoot().resolve("docs/reliability.md");
        String text = Files.readString(doc);
        String table = ReliabilityTable.render(BadInputCase.all());
        String updated = ReliabilityTable.replaceIn(text, table);
        if (Boolean.getBoolean("reliability.write")) {
            Files.writeString(doc, updated);
            return;
        }
        assertEquals(updated, text, "docs/reliability.md differs from testdata/bad-inputs; rewrite it with"
                + " mvn -o -q verify -pl cli -Dit.test=BadInputSuiteIT -Dtest=none"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dreliability.write=true");
    }

    private static JarRunner.Result outcome(CompletableFuture<JarRunner.Result> result) throws Exception {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void check(BadInputCase c, JarRunner.Result r) {
        String where = c.id() + ": " + String.join(" ", c.command()) + "\n" + r;
        String printed = r.stdout() + "\n" + r.stderr();
        LeakedInternals.in(printed).ifPresent(leak ->
                fail("'" + leak + "' printed, as from a stack trace or an exception's name, by " + where));
        assertEquals(c.exit(), r.exitCode(), where);
        assertTrue(printed.contains(c.expectedText()), "expected <" + c.expectedText() + "> from " + where);
        if (c.exit() == Main.EXIT_INPUT) {
            assertTrue(r.stderr().startsWith("error: "), "a problem with the input starts with 'error: ': " + where);
        }
    }

    /** Runs a case in its own folder; the folder's path is cut from what it printed, so messages read as a user's. */
    private static JarRunner.Result run(BadInputCase c, Path model) {
        try {
            Path work = WORK.resolve(c.id());
            Files.createDirectories(work);
            c.prepare(work, model);
            JarRunner.Result r = JarRunner.run(work, c.command().toArray(String[]::new));
            return new JarRunner.Result(r.exitCode(), relative(r.stdout(), work), relative(r.stderr(), work), r.seconds());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String relative(String printed, Path work) {
        return printed.replace(work + "/", "").replace(work.toString(), ".");
    }

    /** The model the predict cases start from: one quick trial on the shared training table. */
    private static Path trainModel() {
        try {
            Path work = WORK.resolve("_model");
            Files.createDirectories(work);
            BadInputCase.copyTree(BadInputCase.root().resolve(BadInputCase.SHARED), work);
            JarRunner.Result r = JarRunner.run(work, "run", "model-job.yml", "--output", "out");
            assertEquals(0, r.exitCode(), "training the model the predict cases use:\n" + r);
            return work.resolve("out/model");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
