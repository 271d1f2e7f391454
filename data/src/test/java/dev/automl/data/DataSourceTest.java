package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceTest {

    @TempDir
    Path tmp;

    private static String errorOf(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    private static int count(CategoricalColumn c, String level) {
        int code = c.levels().indexOf(level);
        return (int) Arrays.stream(c.codes()).filter(x -> x == code).count();
    }

    @Test
    void bankMarketingTrainingMLTable() {
        Table t = DataSource.read(TestData.path("bank_marketing/training-mltable-folder"));
        assertEquals(29_999, t.rows());
        assertEquals(21, t.columns().size());
        List<String> text = List.of("job", "marital", "education", "default", "housing", "loan", "contact", "month",
                "day_of_week", "poutcome", "y");
        for (Column c : t.columns()) {
            assertEquals(text.contains(c.name()) ? ColumnType.CATEGORICAL : ColumnType.NUMERIC, c.type(), c.name());
            assertEquals(0, c.missingCount(), c.name());
        }
        CategoricalColumn y = (CategoricalColumn) t.column("y");
        assertEquals(List.of("no", "yes"), y.levels());
        assertEquals(3377, count(y, "yes"));
        assertEquals(1.2990000000000002, ((NumericColumn) t.column("euribor3m")).get(0));
        assertEquals(1_201_249.0, Arrays.stream(((NumericColumn) t.column("age")).values()).sum());
        assertEquals(12, ((CategoricalColumn) t.column("job")).levels().size());
    }

    @Test
    void bankMarketingValidationAndTestReadLikeTraining() {
        Table train = DataSource.read(TestData.path("bank_marketing/training-mltable-folder"));
        Table valid = DataSource.readLike(TestData.path("bank_marketing/validation-mltable-folder"), train);
        Table test = DataSource.readLike(TestData.path("bank_marketing/test-mltable-folder"), train);
        assertEquals(1999, valid.rows());
        assertEquals(952, test.rows());
        assertEquals(DataSource.typesOf(train), DataSource.typesOf(valid));
        assertEquals(DataSource.typesOf(train), DataSource.typesOf(test));
    }

    @Test
    void penguinsHaveMissingMeasurements() {
        Table t = DataSource.read(TestData.path("penguins/penguins.csv"));
        assertEquals(344, t.rows());
        assertEquals(List.of("species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                "body_mass_g", "sex", "year"), t.columnNames());
        NumericColumn bill = (NumericColumn) t.column("bill_length_mm");
        assertEquals(39.1, bill.get(0));
        assertTrue(Double.isNaN(bill.get(3)));
        assertEquals(2, bill.missingCount());
        assertEquals(11, t.column("sex").missingCount());
        assertEquals(List.of("Adelie", "Gentoo", "Chinstrap"), ((CategoricalColumn) t.column("species")).levels());
        assertEquals(ColumnType.NUMERIC, t.column("year").type());
        assertEquals("3775", t.column("body_mass_g").text(343));
    }

    @Test
    void covertypeGzipWithCodesReadAsCategories() {
        Path f = TestData.path("covertype/covertype.csv.gz");
        Table inferred = DataSource.read(f);
        assertEquals(100_000, inferred.rows());
        assertEquals(13, inferred.columns().size());
        assertEquals(ColumnType.NUMERIC, inferred.column("Soil_Type").type());
        assertEquals(List.of("Cache la Poudre", "Rawah", "Commanche Peak", "Neota"),
                ((CategoricalColumn) inferred.column("Wilderness_Area")).levels());
        Table hinted = DataSource.read(f, Map.of("Soil_Type", ColumnType.CATEGORICAL,
                "Cover_Type", ColumnType.CATEGORICAL));
        CategoricalColumn soil = (CategoricalColumn) hinted.column("Soil_Type");
        assertEquals(39, soil.levels().size());
        assertEquals("2717", soil.get(0));
        assertEquals("7202", soil.get(99_999));
        CategoricalColumn cover = (CategoricalColumn) hinted.column("Cover_Type");
        assertEquals(7, cover.levels().size());
        assertEquals(445, count(cover, "4"));
        assertEquals(48_402, count(cover, "2"));
    }

    @Test
    void folderWithOneCsvAndNoMLTable() {
        Table t = DataSource.read(TestData.path("iris"));
        assertEquals(150, t.rows());
        assertEquals(5, t.columns().size());
        assertEquals(List.of("setosa", "versicolor", "virginica"), ((CategoricalColumn) t.column("Species")).levels());
    }

    @Test
    void machineCpuMLTable() {
        Table t = DataSource.read(TestData.path("machine_cpu/training-mltable-folder"));
        assertEquals(189, t.rows());
        // The MLTable drops ERP, the paper's estimate of the target PRP.
        assertEquals(9, t.columns().size());
        assertTrue(t.find("ERP").isEmpty());
        assertEquals(189, ((CategoricalColumn) t.column("ModelName")).levels().size());
        assertEquals(ColumnType.NUMERIC, t.column("PRP").type());
        assertEquals(198.0, ((NumericColumn) t.column("PRP")).get(0));
    }

    @Test
    void kc1BooleanTargetStaysText() {
        Table t = DataSource.read(TestData.path("kc1/kc1.csv"));
        assertEquals(2109, t.rows());
        assertEquals(22, t.columns().size());
        CategoricalColumn defects = (CategoricalColumn) t.column("defects");
        assertEquals(List.of("false", "true"), defects.levels());
        assertEquals(326, count(defects, "true"));
        assertEquals(21, t.columns().stream().filter(c -> c.type() == ColumnType.NUMERIC).count());
    }

    @Test
    void readLikeAppliesTrainingTypesAndInfersExtraColumns() throws IOException {
        Table train = DataSource.read(TestData.path("penguins/penguins.csv"));
        Path scoring = tmp.resolve("scoring.csv");
        Files.writeString(scoring, "bill_length_mm,year,sex,extra\n40.1,2008,1,x\n,2009,NA,y\n");
        Table t = DataSource.readLike(scoring, train);
        assertEquals(ColumnType.NUMERIC, t.column("bill_length_mm").type());
        assertEquals(ColumnType.CATEGORICAL, t.column("sex").type());
        assertEquals(List.of("1"), ((CategoricalColumn) t.column("sex")).levels());
        assertEquals(ColumnType.CATEGORICAL, t.column("extra").type());
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "bill_length_mm,year\n40.1,2008\n41..2,2009\n");
        assertEquals(bad.toAbsolutePath() + ", line 3, column 'bill_length_mm': '41..2' is not a number, but the"
                + " column is read as numeric.", errorOf(() -> DataSource.readLike(bad, train)));
    }

    @Test
    void pathsThatCannotBeRead() throws IOException {
        Path missing = tmp.resolve("no/such/data.csv");
        assertEquals("File or folder not found: " + missing.toAbsolutePath().normalize(),
                errorOf(() -> DataSource.read(missing)));
        Path emptyFolder = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(emptyFolder.resolve("notes.md"), "no data here");
        assertEquals(emptyFolder + " has no MLTable file and no data files (.csv, .tsv, .txt, optionally followed"
                + " by .gz; .parquet).", errorOf(() -> DataSource.read(emptyFolder)));
        Path two = Files.createDirectory(tmp.resolve("two"));
        Files.writeString(two.resolve("b.csv"), "a\n1\n");
        Files.writeString(two.resolve("a.csv"), "a\n1\n");
        assertEquals(two + " has no MLTable file and 2 data files (a.csv, b.csv). Add an MLTable file that says which"
                + " to read, e.g. \"paths: [{pattern: ./*.csv}]\".", errorOf(() -> DataSource.read(two)));
        Path jsonl = Files.writeString(tmp.resolve("data.jsonl"), "{}");
        assertEquals(jsonl + ": reading .jsonl files is not supported yet; convert the data to CSV or Parquet.",
                errorOf(() -> DataSource.read(jsonl)));
        Path xlsx = Files.writeString(tmp.resolve("data.xlsx"), "x");
        assertEquals(xlsx + " is neither an MLTable folder nor a data file (.csv, .tsv, .txt, optionally"
                + " followed by .gz; .parquet).", errorOf(() -> DataSource.read(xlsx)));
    }
}
