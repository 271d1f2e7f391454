package dev.automl.report;

/** One part of the report, drawn from the run folder's files; a part whose file is absent says so in one line. */
interface Section {

    void render(RunFolder run, Page page);
}
