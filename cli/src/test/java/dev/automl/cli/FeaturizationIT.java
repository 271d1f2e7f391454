package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jobs on data that tests featurization: titanic (free text, high-cardinality strings, missing ages),
 * ames_housing (43 categorical columns) and hflights (a date, a 3,310-level TailNum, leaky columns ignored).
 */
class FeaturizationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** featurization.json by raw column. */
    private static Map<String, JsonNode> featurization(Path out) throws Exception {
        Map<String, JsonNode> byColumn = new HashMap<>();
        for (JsonNode e : JSON.readTree(out.resolve("featurization.json").toFile())) {
            byColumn.put(e.get("RawFeatureName").asText(), e);
        }
        return byColumn;
    }

    private static String transformations(JsonNode entry) {
        return entry.get("Transformations").toString();
    }

    @Test
    void titanicReadsNameAsTextAndTicketAsAHashedTargetEncodedCategory() throws Exception {
        JarRunner.Result r = JarRunner.run(work, "run", JarRunner.testdata("titanic/titanic-job.yml").toString(),
                "--output", "titanic");
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, JsonNode> f = featurization(work.resolve("titanic"));
        assertEquals("Text", f.get("Name").get("TypeDetected").asText());
        assertTrue(transformations(f.get("Name")).contains("TfIdf (word 1-2-grams, 100 terms)"), transformations(f.get("Name")));
        assertEquals("CategoricalHash", f.get("Ticket").get("TypeDetected").asText());
        assertTrue(transformations(f.get("Ticket")).contains("WoETargetEncoder"), transformations(f.get("Ticket")));
        assertTrue(transformations(f.get("Age")).contains("ImputationMarker"));
        assertEquals("Yes", f.get("PassengerId").get("Dropped").asText());
        // Predicting on sex alone gets 701 of the 891 rows right (0.787); the features must add to that.
        double accuracy = RunJobIT.summary(work.resolve("titanic")).get("best").get("score").asDouble();
        assertTrue(accuracy > 0.81, "5-fold accuracy " + accuracy);

        Files.writeString(work.resolve("new.csv"), "PassengerId,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n"
                + "1000,3,\"Qwertz, Mr. Zyxwv\",male,30,0,0,NEW 123,7.5,,S\n"
                + "1001,1,\"Smith, Mrs. John (Mary)\",female,,1,0,PC 17599,71.3,C85,C\n");
        JarRunner.Result p = JarRunner.run(work, "predict", "--model", "titanic/model", "--data", "new.csv",
                "--output", "p.csv");
        assertEquals(0, p.exitCode(), p.toString());
        assertTrue(p.stdout().contains("1 values were categories the model had not seen"), p.stdout());
        // qwertz and zyxwv are new; Smith, Mrs, John and Mary are all training words.
        assertTrue(p.stdout().contains("2 words in text columns were new to the model"), p.stdout());
        assertEquals(2, RunJobIT.csv(work.resolve("p.csv")).size());
    }

    @Test
    void amesEncodesItsFortyThreeCategoricalColumns() throws Exception {
        JarRunner.Result r = JarRunner.run(work, "run", JarRunner.testdata("ames_housing/ames-job.yml").toString(),
                "--output", "ames");
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, JsonNode> f = featurization(work.resolve("ames"));
        long categorical = f.values().stream().filter(e -> e.get("TypeDetected").asText().equals("Categorical")
                && e.get("Dropped").asText().equals("No") && transformations(e).contains("OneHotEncoder")).count();
        assertEquals(43, categorical);
        assertEquals("ID-like: a running number", f.get("Order").get("DropReason").asText());
        // Predicting the mean gives 0.1076 (sd 79,873 over a range of 742,211); the model must cut that by 60 %.
        double nrmse = RunJobIT.summary(work.resolve("ames")).get("best").get("score").asDouble();
        assertTrue(nrmse < 0.043, "validation normalized RMSE " + nrmse);
    }

    @Test
    void hflightsExpandsTheDateAndTargetEncodesTailNum() throws Exception {
        JarRunner.Result r = JarRunner.run(work, "run", JarRunner.testdata("hflights/hflights-job.yml").toString(),
                "--output", "hflights");
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, JsonNode> f = featurization(work.resolve("hflights"));
        assertEquals("DateTime", f.get("FlightDate").get("TypeDetected").asText());
        assertTrue(transformations(f.get("FlightDate")).contains("DateTimeTransformer"));
        JsonNode tail = f.get("TailNum");
        assertEquals("CategoricalHash", tail.get("TypeDetected").asText());
        assertTrue(transformations(tail).contains("LabelEncoder (trees, 1000 levels)"), transformations(tail));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("CatTargetEncoder \\(out of fold on training rows, "
                + "(\\d+) levels\\)").matcher(transformations(tail));
        assertTrue(m.find(), transformations(tail));
        // The model's rows (the 90 % not held out for validation) hold over 3,000 of the 3,310 aircraft.
        assertTrue(Integer.parseInt(m.group(1)) > 3000, transformations(tail));
        for (String leaky : List.of("DepDelay", "ArrTime", "TaxiOut")) {
            assertEquals("Yes", f.get(leaky).get("Dropped").asText(), leaky);
        }
        // Predicting the mean gives 0.0592 (sd 29.9 minutes over a range of 505); delays are mostly noise before
        // departure, but the schedule, the carrier and the aircraft must still tell something.
        double nrmse = RunJobIT.summary(work.resolve("hflights")).get("best").get("score").asDouble();
        assertTrue(nrmse < 0.0585, "validation normalized RMSE " + nrmse);
    }
}
