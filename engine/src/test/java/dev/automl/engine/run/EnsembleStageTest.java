package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.engine.job.EnsembleSettings;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.TrialFit;
import dev.automl.engine.trial.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ensemble stage after a short search on blood transfusion: the vote and the stack join the leaderboard. */
class EnsembleStageTest {

    @TempDir
    Path dir;

    @AfterEach
    void closeFolders() {
        StageFixture.closeFolders();
    }

    private record Run(Prepared prepared, SearchResult searched, EnsembleResult ensembles) {
    }

    private Run run(StageFixture f, JobSpec spec) {
        RunContext ctx = f.context(spec, 10);
        Prepared p = f.prepare(spec, ctx);
        SearchResult s = new SearchStage(ctx).search(p);
        s.standIns().close();
        return new Run(p, s, new EnsembleStage(StageFixture.CATALOG, ctx).build(p, s));
    }

    @Test
    void theVoteAndTheStackFollowTheTrials() throws Exception {
        StageFixture f = new StageFixture(dir);
        Run r = run(f, StageFixture.job(List.of("LightGBM", "LogisticRegression"), 4, 3).build());
        List<TrialResult> rows = r.ensembles().rows();
        assertEquals(List.of(5, 6), rows.stream().map(TrialResult::id).toList());
        assertTrue(rows.stream().allMatch(TrialResult::completed), rows.toString());
        Candidate.Vote vote = (Candidate.Vote) rows.get(0).candidate();
        assertEquals(1.0, Arrays.stream(vote.weights()).sum(), 1e-9);
        assertTrue(List.of(1, 2, 3, 4).containsAll(vote.memberIds()), vote.memberIds().toString());
        Candidate.Stack stack = (Candidate.Stack) rows.get(1).candidate();
        assertEquals("LogisticRegressionCV", stack.metaLearnerType());
        assertTrue(stack.memberIds().containsAll(vote.memberIds()), "the stack's members include the vote's");
        assertTrue(stack.params().has("meta_lambda"), stack.params().toString());
        assertEquals(6, r.searched().board().size());
        assertEquals(748 * 2, rows.get(0).validPredictions().length);

        List<String> lines = Files.readAllLines(dir.resolve("trials.jsonl"));
        assertEquals(6, lines.size());
        Map<?, ?> last = new ObjectMapper().readValue(lines.get(5), Map.class);
        assertEquals("StackEnsemble", last.get("algorithm"));
        assertEquals("ensemble", last.get("origin"));
    }

    @Test
    void onlyTheStackWhenTheVoteIsTurnedOff() {
        StageFixture f = new StageFixture(dir);
        Run r = run(f, StageFixture.job(List.of("LightGBM", "LogisticRegression"), 3, 3)
                .ensembles(new EnsembleSettings(false, true, "LogisticRegression", Map.of())).build());
        assertEquals(1, r.ensembles().rows().size());
        TrialResult stack = r.ensembles().rows().get(0);
        assertEquals(4, stack.id());
        assertEquals("StackEnsemble", stack.algorithm());
        assertEquals("LogisticRegression", ((Candidate.Stack) stack.candidate()).metaLearnerType());
    }

    @Test
    void noEnsembleOfASingleTrial() {
        StageFixture f = new StageFixture(dir);
        Run r = run(f, StageFixture.job(List.of("LogisticRegression"), 1, 3).build());
        assertEquals(List.of(), r.ensembles().rows());
        assertEquals(1, r.searched().board().size());
    }

    /** The trial as if the search had fitted it on {@code rows} of its fold's rows in {@code seconds}. */
    private static TrialResult sampled(TrialResult r, int rows, double seconds) {
        Candidate.Configuration c = (Candidate.Configuration) r.candidate();
        return new TrialResult(r.id(), new Candidate.Configuration(c.learner(), c.params(), c.origin(), rows),
                r.status(), r.reason(), r.scores(), new TrialFit(seconds, r.foldsFitted(), r.refitParams(), r.refitShare()));
    }

    @Test
    void withSampledTrialsTheEnsemblesUseOnlyThoseWhoseRefitOnAllRowsFits() {
        StageFixture f = new StageFixture(dir);
        JobSpec spec = StageFixture.job(List.of("LightGBM", "LogisticRegression"), 4, null).validationDataSize(0.25).build();
        RunContext ctx = f.context(spec, 10);
        Prepared p = f.prepare(spec, ctx);
        SearchResult s = new SearchStage(ctx).search(p);
        s.standIns().close();
        List<TrialResult> ranked = s.board().ranked();
        assertEquals(4, ranked.size());
        // 100 of the holdout fold's 560 training rows: a refit on all 748 is about 7.5 times the trial's second.
        List<TrialResult> c = List.of(sampled(ranked.get(0), 100, 1), sampled(ranked.get(1), 100, 9_000),
                ranked.get(2), ranked.get(3));
        EnsembleStage.Candidates kept = EnsembleStage.onAllRows(c, s.estimate(), 60);
        assertEquals(List.of(c.get(0), c.get(2), c.get(3)), kept.kept());
        assertEquals(List.of(c.get(1).id()), kept.left());
        // When no sampled trial's refit fits, every model stays a sample's anyway, and so do all candidates.
        EnsembleStage.Candidates none = EnsembleStage.onAllRows(c, s.estimate(), 0);
        assertEquals(c, none.kept());
        assertEquals(List.of(), none.left());
    }
}
