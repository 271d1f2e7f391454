package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.algorithms.Learner;
import dev.automl.data.InvalidInputException;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.validation.ValidationPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prepare stage on blood transfusion: Azure's validation rule, the learners, the first summary and guardrails. */
class PrepareStageTest {

    @TempDir
    Path dir;

    @AfterEach
    void closeFolders() {
        StageFixture.closeFolders();
    }

    @Test
    void plansTenFoldsBelowAThousandRowsAndWritesTheFirstSummaryAndTheGuardrails() throws Exception {
        StageFixture f = new StageFixture(dir.resolve("out"));
        JobSpec spec = StageFixture.job(List.of(), 4, null).build();
        Prepared p = f.prepare(spec, f.context(spec, 10));

        assertEquals(ValidationPlan.Kind.KFOLD, p.plan().kind());
        assertEquals(10, p.plan().folds().size());
        assertEquals(List.of("LightGBM", "XGBoostClassifier", "RandomForest", "ExtremeRandomTrees", "LogisticRegression"),
                p.learners().stream().map(Learner::name).toList());
        assertEquals("AUC_weighted", p.scorer().primary().name());

        JsonNode summary = new ObjectMapper().readTree(f.out.resolve("summary.json").toFile());
        assertEquals("running", summary.get("status").asText());
        assertEquals(748, summary.get("rows").asInt());
        assertEquals("kfold", summary.get("validation").get("type").asText());
        assertEquals(748, summary.get("validation").get("validation_rows").asInt());
        assertEquals(7, summary.get("seed").asInt());
        assertEquals(List.of(), Files.readAllLines(f.out.resolve("trials.jsonl")));

        // 178 donors are 31 % of the 570 who did not give: balanced enough; four whole-number columns, no gaps.
        JsonNode guardrails = new ObjectMapper().readTree(f.out.resolve("guardrails.json").toFile());
        assertEquals(6, guardrails.size());
        assertEquals("Class balancing detection", guardrails.get(0).get("name").asText());
        assertEquals("passed", guardrails.get(0).get("status").asText());
        assertTrue(f.reporter.said("Guardrail 'Class balancing detection': passed"), f.reporter.lines.toString());
        assertTrue(f.reporter.said("748 rows x 4 feature columns; 2 classes; validation: 10-fold cross-validation"),
                f.reporter.lines.toString());
    }

    @Test
    void anEarlierRunsResultsAreClearedOnlyOnceTheJobIsUnderWay() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("leaderboard.csv"), "an earlier run's\n");
        StageFixture f = new StageFixture(out);
        JobSpec spec = StageFixture.job(List.of(), 4, 3).build();
        RunContext ctx = f.context(spec, 10);
        assertTrue(Files.exists(out.resolve("leaderboard.csv")), "a context alone touches nothing");
        f.prepare(spec, ctx);
        assertFalse(Files.exists(out.resolve("leaderboard.csv")));
    }

    @Test
    void learnerListsThatLeaveNothingAreRefused() {
        StageFixture f = new StageFixture(dir.resolve("out"));
        JobSpec spec = StageFixture.job(List.of("LightGBM"), 4, 3).algorithms(List.of("LightGBM"), List.of("LightGBM")).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> f.prepare(spec, f.context(spec, 10)));
        assertEquals("The allowed and blocked algorithm lists leave no algorithm to train.", e.getMessage());
        assertFalse(Files.exists(f.out), "nothing is written for a job refused before it starts");
    }
}
