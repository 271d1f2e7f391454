package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MLTableSpecTest {

    @TempDir
    Path tmp;

    private static String errorOf(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    /** An MLTable folder in the temp dir next to a small data.csv; returns the MLTable file. */
    private Path mltable(String yaml) throws IOException {
        Files.writeString(tmp.resolve("data.csv"), "a,b,c\n1,x,2024-01-01\n2,y,2024-01-02\n3,z,2024-01-03\n");
        return Files.writeString(tmp.resolve("MLTable"), yaml);
    }

    private String mltableError(String yaml) throws IOException {
        Path f = mltable(yaml);
        return errorOf(() -> DataSource.read(tmp)).replace(f.toAbsolutePath().normalize().toString(), "MLTable");
    }

    @Test
    void includePathColumnSaysWhichFileEachRowCameFrom() throws IOException {
        Files.writeString(tmp.resolve("a.csv"), "x,y\n1,p\n2,q\n");
        Files.writeString(tmp.resolve("b.csv"), "x,y\n3,r\n");
        Files.writeString(tmp.resolve("MLTable"), "paths:\n  - pattern: ./*.csv\ntransformations:\n  - read_delimited:\n"
                + "      include_path_column: true\n  - skip: 1\n");
        Table t = DataSource.read(tmp);
        assertEquals(List.of("x", "y", "Path"), t.columnNames());
        CategoricalColumn path = (CategoricalColumn) t.column("Path");
        assertEquals(List.of(tmp.resolve("a.csv").toString(), tmp.resolve("b.csv").toString()),
                List.of(path.get(0), path.get(1)));
    }

    @Test
    void unknownTransformationIsNamedWithTheSupportedOnes() {
        Path f = TestData.path("errors/unknown_transformation/MLTable");
        assertEquals(f + ": unknown transformation 'random_split'. Supported: read_delimited, read_parquet,"
                + " convert_column_types, keep_columns, drop_columns, take, skip.", errorOf(() -> DataSource.read(f.getParent())));
    }

    @Test
    void takeSkipKeepAndDropApplyInOrder() {
        Table t = DataSource.read(TestData.path("errors/take_skip_keep_drop"));
        assertEquals(List.of("id", "station", "temp"), t.columnNames());
        assertArrayEquals(new double[] {3, 4, 5}, ((NumericColumn) t.column("id")).values());
        assertArrayEquals(new double[] {Double.NaN, 9.25, 11.0}, ((NumericColumn) t.column("temp")).values());
        assertEquals(List.of("east", "west", "north"), ((CategoricalColumn) t.column("station")).levels());
        MLTableSpec spec = MLTableSpec.parse(TestData.path("errors/take_skip_keep_drop/MLTable"));
        assertEquals(";", spec.csv().delimiter());
        assertEquals(List.of(new TableStep.Skip(2), new TableStep.Take(3),
                new TableStep.KeepColumns(List.of("id", "station", "temp", "note")),
                new TableStep.DropColumns(List.of("note"))), spec.steps());
        assertEquals(new RowWindow(2, 3), RowWindow.of(spec.steps()));
        assertEquals(new RowWindow(5, 0), RowWindow.of(List.of(new TableStep.Take(4), new TableStep.Skip(5))));
        assertEquals(RowWindow.ALL, RowWindow.of(List.of(new TableStep.DropColumns(List.of("x")))));
    }

    @Test
    void patternAndFolderEntries() {
        Table byPattern = DataSource.read(TestData.path("errors/pattern"));
        assertEquals(List.of("Oslo", "Bergen", "Tromso"), ((CategoricalColumn) byPattern.column("city")).levels());
        Table byFolder = DataSource.read(TestData.path("errors/folder"));
        assertEquals(List.of("Ignored", "Oslo", "Bergen", "Tromso"),
                ((CategoricalColumn) byFolder.column("city")).levels());
        assertArrayEquals(new double[] {1, 120, 80, 35}, ((NumericColumn) byFolder.column("visitors")).values());
    }

    @Test
    void latin1Encoding() {
        Table t = DataSource.read(TestData.path("errors/latin1_mltable"));
        assertEquals(List.of("Zürich", "Köln", "São Paulo"), ((CategoricalColumn) t.column("city")).levels());
        assertEquals("café crème", t.column("note").text(0));
    }

    @Test
    void localPathsWithFilePrefixAndAbsolutePaths() throws IOException {
        assertEquals(3, DataSource.read(mltable("paths:\n  - file: file://./data.csv\n")).rows());
        Path abs = tmp.resolve("data.csv").toAbsolutePath();
        assertEquals(3, DataSource.read(mltable("paths:\n  - file: " + abs + "\n")).rows());
        assertEquals(3, DataSource.read(mltable("paths:\n  - file: file://" + abs + "\n")).rows());
        assertEquals(3, DataSource.read(mltable("paths:\n  - pattern: '*.csv'\n")).rows());
    }

    @Test
    void readDelimitedOptions() throws IOException {
        Files.writeString(tmp.resolve("tabbed.tsv"), "a\tb\n\t1\n");
        Table t = DataSource.read(mltable("paths:\n  - file: ./tabbed.tsv\ntransformations:\n  - read_delimited:\n"
                + "      delimiter: '\\t'\n      empty_as_string: true\n      header: all_files_same_headers\n"
                + "      encoding: UTF-8\n      support_multi_line: true\n      include_path_column: false\n"));
        assertEquals(List.of(""), ((CategoricalColumn) t.column("a")).levels());
        Table none = DataSource.read(mltable("paths:\n  - file: ./data.csv\ntransformations:\n  - read_delimited:\n"
                + "      header: no_header\n      infer_column_types: false\n"));
        assertEquals(4, none.rows());
        assertEquals(List.of("Column1", "Column2", "Column3"), none.columnNames());
    }

    @Test
    void skippedRowsDoNotDecideTypes() throws IOException {
        Files.writeString(tmp.resolve("units.csv"), "weight,name\nkg,text\n1.5,a\n2,b\nbad row\n");
        Table t = DataSource.read(mltable("paths:\n  - file: ./units.csv\ntransformations:\n  - skip: 1\n"
                + "  - take: 2\n"));
        assertArrayEquals(new double[] {1.5, 2}, ((NumericColumn) t.column("weight")).values());
        assertEquals(List.of("a", "b"), ((CategoricalColumn) t.column("name")).levels());
    }

    @Test
    void hintsReachTheReaderThroughTheMLTable() throws IOException {
        mltable("paths:\n  - file: ./data.csv\n");
        Table t = DataSource.read(tmp, Map.of("a", ColumnType.CATEGORICAL));
        assertEquals(List.of("1", "2", "3"), ((CategoricalColumn) t.column("a")).levels());
        assertEquals(ColumnType.DATETIME, t.column("c").type());
    }

    @Test
    void errorMessages() throws IOException {
        assertEquals("MLTable: the paths entry 'file: azureml://datastores/workspaceblobstore/paths/data.csv' is a"
                + " remote azureml:// path; only local paths are supported. Download the data and point the MLTable at"
                + " the local files (a path relative to the MLTable's folder, or an absolute path).",
                mltableError("paths:\n  - file: azureml://datastores/workspaceblobstore/paths/data.csv\n"));
        assertEquals("MLTable: the paths entry 'folder: https://example.com/data/' is a remote https:// path; only"
                + " local paths are supported. Download the data and point the MLTable at the local files (a path"
                + " relative to the MLTable's folder, or an absolute path).",
                mltableError("paths:\n  - folder: https://example.com/data/\n"));
        assertEquals("MLTable: transformation 1 (read_parquet), include_path_column: expected true or false, found"
                + " 'sometimes'.",
                mltableError("paths:\n  - file: ./data.parquet\ntransformations:\n  - read_parquet:\n"
                        + "      include_path_column: sometimes\n"));
        assertEquals("MLTable: transformation 1 (read_parquet): unknown option 'delimiter'. Valid options:"
                + " include_path_column.",
                mltableError("paths:\n  - file: ./data.parquet\ntransformations:\n  - read_parquet:\n"
                        + "      delimiter: ','\n"));
        assertEquals("MLTable: transformation 'take_random_sample' is not supported yet. Supported: read_delimited,"
                + " read_parquet, convert_column_types, keep_columns, drop_columns, take, skip.",
                mltableError("paths:\n  - file: ./data.csv\ntransformations:\n  - take_random_sample:\n"
                        + "      probability: 0.5\n"));
        assertEquals("MLTable: unknown key 'traits'. Valid keys: $schema, type, paths, transformations.",
                mltableError("paths:\n  - file: ./data.csv\ntraits:\n  timestamp_column: c\n"));
        assertEquals("MLTable: drop_columns names a column that is not in the data: d. Columns: a, b, c.",
                mltableError("paths:\n  - file: ./data.csv\ntransformations:\n  - drop_columns: [a, d]\n"));
        assertEquals("MLTable: keep_columns names columns that are not in the data: x, y. Columns: a, b, c.",
                mltableError("paths:\n  - file: ./data.csv\ntransformations:\n  - keep_columns: [x, a, y]\n"));
        assertEquals("MLTable: transformation 1 (read_delimited), encoding: unknown encoding 'ebcdic'. Valid"
                + " encodings: utf8, iso88591, latin1, ascii, utf16, utf32, utf8bom, windows1252.",
                mltableError("paths:\n  - file: ./data.csv\ntransformations:\n  - read_delimited:\n"
                        + "      encoding: ebcdic\n"));
        assertEquals("MLTable: transformation 1 (read_delimited), header: unknown value 'true'. Valid values:"
                + " all_files_same_headers, from_first_file, all_files_different_headers, no_header.",
                mltableError("paths:\n  - file: ./data.csv\ntransformations:\n  - read_delimited:\n"
                        + "      header: true\n"));
        assertEquals("MLTable: transformation 1 (read_delimited): unknown option 'sep'. Valid options: delimiter,"
                + " header, encoding, empty_as_string, infer_column_types, support_multi_line, include_path_column.",
                mltableError("paths:\n  - file: ./data.csv\ntransformations:\n  - read_delimited:\n"
                        + "      sep: ';'\n"));
        assertEquals("MLTable: transformation 2 (read_delimited) must be the first transformation.",
                mltableError("paths:\n  - file: ./data.csv\ntransformations:\n  - take: 1\n  - read_delimited:\n"
                        + "      delimiter: ','\n"));
        assertEquals("MLTable: transformation 1 (take): expected a whole number of rows (0 or more), found 'ten'.",
                mltableError("paths:\n  - file: ./data.csv\ntransformations:\n  - take: ten\n"));
        assertEquals("MLTable: paths: is missing or empty; it must list the data, e.g. paths: [{file: ./train.csv}].",
                mltableError("type: mltable\n"));
        assertEquals("MLTable: paths entry 1 must be one of file:, folder: or pattern: with a path, found 'url'.",
                mltableError("paths:\n  - url: ./data.csv\n"));
        assertEquals("MLTable: the paths entry 'pattern: ./parts/*.csv' matches no files under "
                + tmp.resolve("parts").toAbsolutePath() + ".", mltableError("paths:\n  - pattern: ./parts/*.csv\n"));
        assertEquals("MLTable: the paths entry 'file: ./missing.csv' names " + tmp.resolve("missing.csv").toAbsolutePath()
                + ", which does not exist.", mltableError("paths:\n  - file: ./missing.csv\n"));
        assertEquals("MLTable: type: must be mltable, found 'uri_file'.",
                mltableError("type: uri_file\npaths:\n  - file: ./data.csv\n"));
    }

    @Test
    void invalidYamlShowsTheParsersPlace() throws IOException {
        String message = mltableError("paths:\n  - file: ./data.csv\ntransformations:\n  - take: [1\n");
        assertTrue(message.startsWith("MLTable, line 5, column 1: not valid YAML: expected ',' or ']'"), message);
        assertTrue(message.contains("(while parsing a flow sequence at line 4, column 11)"), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals("MLTable, line 3, column 1: not valid YAML: the key 'paths' is written twice in the same block;"
                + " keep one of them.", mltableError("paths:\n  - file: ./data.csv\npaths:\n  - file: x\n"));
    }
}
