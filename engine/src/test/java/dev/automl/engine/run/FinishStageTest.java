package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.TrialFit;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finish stage after a short search on blood transfusion: the best row refit on all rows and saved; a trial
 * whose refit will not fit in the time left saved with its first-fold model; an ensemble too slow to refit saved
 * with its members' first-fold models, or passed over for the next row when they are not all kept; members refitted
 * side by side.
 */
class FinishStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AfterEach
    void closeFolders() {
        StageFixture.closeFolders();
    }

    /** What the stages before finish left. */
    private record Before(StageFixture fixture, Prepared prepared, SearchResult searched) {
    }

    /** Prepare, search ({@code trials} of LightGBM and logistic regression) and, if asked, the ensembles. */
    private Before before(Integer folds, Double holdout, int trials, boolean ensembles) {
        StageFixture f = new StageFixture(dir);
        JobSpec spec = StageFixture.job(List.of("LightGBM", "LogisticRegression"), trials, folds)
                .validationDataSize(holdout).build();
        RunContext ctx = f.context(spec, 10);
        Prepared p = f.prepare(spec, ctx);
        SearchResult s = new SearchStage(ctx).search(p);
        if (ensembles) {
            new EnsembleStage(StageFixture.CATALOG, ctx).build(p, s);
        }
        return new Before(f, p, s);
    }

    /**
     * The same results as if every trial had taken {@code seconds} to fit, so that no refit fits in the time left;
     * {@code first}, if not null, ranks first (the finish stage reads only the ranking, whatever made it).
     */
    private static SearchResult slowed(SearchResult s, double seconds, String first) {
        Leaderboard board = new Leaderboard(s.board().primary());
        for (TrialResult r : s.board().ranked()) {
            TrialScores scores = r.algorithm().equals(first)
                    ? new TrialScores(r.metrics(), 1.0, r.validPredictions()) : r.scores();
            board.add(new TrialResult(r.id(), r.candidate(), r.status(), r.reason(), scores,
                    r.isEnsemble() ? r.fit() : new TrialFit(seconds, r.foldsFitted(), r.refitParams(), r.refitShare())));
        }
        return new SearchResult(board, s.stoppedBecause(), s.endedEarly(), s.standIns(), s.estimate(), s.seconds());
    }

    /** As {@link #slowed}, but the trial {@code fast} keeps its own fit time. */
    private static SearchResult slowedExcept(SearchResult s, double seconds, String first, int fast) {
        SearchResult slow = slowed(s, seconds, first);
        Leaderboard board = new Leaderboard(s.board().primary());
        for (TrialResult r : slow.board().ranked()) {
            board.add(r.id() == fast ? s.board().byId(fast).orElseThrow() : r);
        }
        return new SearchResult(board, s.stoppedBecause(), s.endedEarly(), s.standIns(), s.estimate(), s.seconds());
    }

    /** The finish stage with a time promise of {@code minutes} from now, and the summary.json it leads to. */
    private static JsonNode finish(Before b, SearchResult s, double minutes, FinishResult[] result) throws Exception {
        RunContext ctx = b.fixture().context(b.prepared().spec(), minutes);
        try (StandInModels standIns = s.standIns()) {
            result[0] = new FinishStage(ctx).finish(b.prepared(), s);
        }
        Map<String, Object> summary = RunSummary.finished(b.prepared(), ctx, s, EnsembleResult.none(0), result[0], 1.0);
        return JSON.valueToTree(summary);
    }

    @Test
    void theBestRowIsRefitOnAllRowsAndSavedWithItsProvenance() throws Exception {
        Before b = before(3, null, 3, true);
        FinishResult[] f = new FinishResult[1];
        JsonNode summary = finish(b, b.searched(), 10, f);

        TrialResult best = b.searched().board().best().orElseThrow();
        assertEquals(best, f[0].saved().row());
        assertEquals(List.of(f[0].saved()), f[0].attempts());
        assertEquals(new RefitAttempt.Refitted(748, best.isEnsemble() ? null : best.refitParams()), f[0].saved().result());
        assertEquals("completed", summary.get("status").asText());
        assertEquals(best.id(), summary.get("refit").get("trial_id").asInt());
        assertEquals(748, summary.get("refit").get("rows").asInt());
        assertNull(summary.get("refit").get("passed_over"));
        assertEquals("model", summary.get("model").asText());

        JsonNode model = JSON.readTree(dir.resolve("model/model.json").toFile());
        assertEquals(best.algorithm(), model.get("algorithm").asText());
        JsonNode provenance = model.get("provenance");
        assertEquals(748, provenance.get("data").get("training_rows").asInt());
        assertEquals(64, provenance.get("data").get("sha256").asText().length());
        assertEquals(best.id(), provenance.get("trial").get("trial_id").asInt());
        assertEquals(best.score(), provenance.get("trial").get("validation_score").asDouble(), 0);
        assertEquals(7, provenance.get("job").get("seed").asInt());
        assertEquals("classification", provenance.get("job").get("task").asText());
        assertTrue(Files.isRegularFile(dir.resolve("featurization.json")));
        assertTrue(b.fixture().reporter.said("Model saved to "), b.fixture().reporter.lines.toString());
    }

    @Test
    void aTrialWhoseRefitWillNotFitIsSavedWithItsFirstFoldModel() throws Exception {
        Before b = before(3, null, 3, false);
        FinishResult[] f = new FinishResult[1];
        // Three folds of 3,000 s each: a refit on all rows is estimated at over 1,000 s, and the job has 30 s left.
        JsonNode summary = finish(b, slowed(b.searched(), 9_000, null), 0.5, f);

        RefitAttempt saved = f[0].saved();
        RefitAttempt.StandIn standIn = (RefitAttempt.StandIn) saved.result();
        int firstFoldRows = b.prepared().plan().folds().get(0).train().length;
        assertEquals(firstFoldRows, standIn.rows());
        assertEquals(FinishStage.FIRST_FOLD_MODEL, standIn.models());
        assertEquals(RefitAttempt.Reason.Kind.SKIPPED, standIn.why().kind());

        JsonNode refit = summary.get("refit");
        assertEquals(FinishStage.FIRST_FOLD_MODEL, refit.get("stand_in").asText());
        assertTrue(refit.get("skipped").asText().matches("an estimated \\d+ s, \\d+ s left"), refit.toString());
        assertEquals(firstFoldRows, refit.get("rows").asInt());
        assertTrue(refit.get("estimated_seconds").asDouble() > 1_000, refit.toString());
        assertEquals("completed", summary.get("status").asText());
        assertTrue(b.fixture().reporter.said("Saving trial " + saved.row().id() + "'s first-fold model instead of a refit"));
        // The saved first-fold model predicts: its members are those of the trial.
        JsonNode model = JSON.readTree(dir.resolve("model/model.json").toFile());
        assertEquals(saved.row().algorithm(), model.get("algorithm").asText());
    }

    @Test
    void aCrossValidatedEnsembleTooSlowToRefitIsSavedWithItsMembersFirstFoldModels() throws Exception {
        Before b = before(3, null, 4, true);
        FinishResult[] f = new FinishResult[1];
        JsonNode summary = finish(b, slowed(b.searched(), 9_000, "VotingEnsemble"), 0.5, f);

        assertEquals("VotingEnsemble", f[0].saved().row().algorithm());
        assertEquals(List.of(f[0].saved()), f[0].attempts());
        RefitAttempt.StandIn standIn = (RefitAttempt.StandIn) f[0].saved().result();
        assertEquals(FinishStage.FIRST_FOLD_MODELS, standIn.models());
        assertEquals(b.prepared().plan().folds().get(0).train().length, standIn.rows());
        assertEquals(FinishStage.FIRST_FOLD_MODELS, summary.get("refit").get("stand_in").asText());
        JsonNode model = JSON.readTree(dir.resolve("model/model.json").toFile());
        assertEquals("vote", model.get("combination").asText());
    }

    @Test
    void anEnsembleTooSlowToRefitWithoutItsMembersModelsIsPassedOverForTheNextRow() throws Exception {
        Before b = before(3, null, 4, true);
        SearchResult slow = slowed(b.searched(), 9_000, "VotingEnsemble");
        TrialResult vote = slow.board().ranked().get(0);
        List<Integer> members = ((dev.automl.engine.trial.Candidate.Vote) vote.candidate()).memberIds();
        int member = members.get(members.size() - 1);
        // A member whose first-fold model is not kept (pushed out of the best few while the search went on); the
        // next row's is.
        slow.standIns().take(member).orElseThrow().close();
        FinishResult[] f = new FinishResult[1];
        JsonNode summary = finish(b, slow, 0.5, f);

        RefitAttempt first = f[0].attempts().get(0);
        assertEquals("VotingEnsemble", first.row().algorithm());
        RefitAttempt.PassedOver over = (RefitAttempt.PassedOver) first.result();
        assertEquals(RefitAttempt.Reason.Kind.SKIPPED, over.why().kind());
        assertTrue(f[0].saved().result() instanceof RefitAttempt.StandIn, f[0].toString());
        assertTrue(!f[0].saved().row().isEnsemble(), f[0].toString());

        JsonNode passed = summary.get("refit").get("passed_over");
        assertTrue(passed.size() >= 1, summary.toString());
        assertEquals("VotingEnsemble", passed.get(0).get("algorithm").asText());
        assertTrue(passed.get(0).get("skipped").asText().matches(
                "refitting its \\d members would take an estimated \\d+ s \\(\\d+ s with a margin for error\\), \\d+ s left"),
                passed.get(0).toString());
        assertEquals(FinishStage.FIRST_FOLD_MODEL, summary.get("refit").get("stand_in").asText());
    }

    @Test
    void aHoldoutsEnsembleIsSavedWithItsMembersFirstFoldModels() throws Exception {
        Before b = before(null, 0.25, 4, true);
        FinishResult[] f = new FinishResult[1];
        JsonNode summary = finish(b, slowed(b.searched(), 9_000, "VotingEnsemble"), 0.5, f);

        assertEquals("VotingEnsemble", f[0].saved().row().algorithm());
        assertEquals(List.of(f[0].saved()), f[0].attempts());
        RefitAttempt.StandIn standIn = (RefitAttempt.StandIn) f[0].saved().result();
        assertEquals(FinishStage.FIRST_FOLD_MODELS, standIn.models());
        assertNull(standIn.why());
        assertEquals(560, standIn.rows(), "748 rows less a stratified quarter: 143 of the 570 non-donors, 45 of the 178 donors");
        assertEquals(FinishStage.FIRST_FOLD_MODELS, summary.get("refit").get("stand_in").asText());
        JsonNode model = JSON.readTree(dir.resolve("model/model.json").toFile());
        assertEquals("vote", model.get("combination").asText());
        assertEquals(((dev.automl.engine.trial.Candidate.Vote) f[0].saved().row().candidate()).memberIds().size(),
                model.get("members").size());
    }

    @Test
    void aHoldoutsEnsembleRefitsTheMembersWhoseRefitFitsAndKeepsTheOthersValidatedModels() throws Exception {
        Before b = before(null, 0.25, 4, true);
        int vote = b.searched().board().ranked().stream().filter(r -> r.algorithm().equals("VotingEnsemble"))
                .findFirst().orElseThrow().id();
        List<Integer> members = ((dev.automl.engine.trial.Candidate.Vote) b.searched().board().byId(vote).orElseThrow()
                .candidate()).memberIds();
        assertTrue(members.size() >= 2, "a vote of one model says nothing here: " + members);
        int fast = members.get(0);
        FinishResult[] f = new FinishResult[1];
        JsonNode summary = finish(b, slowedExcept(b.searched(), 9_000, "VotingEnsemble", fast), 0.5, f);

        RefitAttempt.StandIn standIn = (RefitAttempt.StandIn) f[0].saved().result();
        assertEquals(FinishStage.FIRST_FOLD_MODELS + ", except member " + fast + ", refitted on all 748 training rows",
                standIn.models());
        assertEquals(standIn.models(), summary.get("refit").get("stand_in").asText());
        assertTrue(b.fixture().reporter.said("Refitting member " + fast + " "), b.fixture().reporter.lines.toString());
        JsonNode model = JSON.readTree(dir.resolve("model/model.json").toFile());
        assertEquals(members.size(), model.get("members").size());
    }

    @Test
    void aRunWithoutACompletedTrialEndsWithoutAModel() throws Exception {
        Before b = before(3, null, 1, false);
        SearchResult none = new SearchResult(new Leaderboard(b.searched().board().primary()), "no trial", false,
                b.searched().standIns(), b.searched().estimate(), 0);
        FinishResult[] f = new FinishResult[1];
        JsonNode summary = finish(b, none, 10, f);
        assertNull(f[0].saved());
        assertEquals(List.of(), f[0].attempts());
        assertEquals("failed", summary.get("status").asText());
        assertNull(summary.get("refit"));
        assertNull(summary.get("model"));
        assertEquals(0, summary.get("trials").get("total").asInt());
    }
}
