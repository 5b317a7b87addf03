package io.llmbench.runtime.cli;

import io.llmbench.runtime.report.ExportLevel;
import io.llmbench.runtime.report.OutputSettings;
import io.llmbench.runtime.spec.AnnotatedOutput;
import java.nio.file.Path;

/**
 * Lays a benchmark's {@code @Output} settings under the command line's output options, per
 * attribute. {@code --plots} has no "off" option, so an annotated {@code plots = true} stands.
 */
final class AnnotatedOutputMerge {

    private AnnotatedOutputMerge() {
    }

    /** What a run of the benchmark writes and shows. */
    static OutputSettings merge(CliSettings cli, AnnotatedOutput annotated) {
        OutputSettings given = cli.output() != null ? cli.output().settings() : OutputSettings.defaults();
        ExportLevel level = cli.given().has(OutputOptions.EXPORT_LEVEL) || annotated.exportLevel().isEmpty()
                ? given.exportLevel() : ExportLevel.fromCliName(annotated.exportLevel());
        double slice = cli.given().has(OutputOptions.SLICE_DURATION) || Double.isNaN(annotated.sliceDuration())
                ? given.sliceDurationSeconds() : annotated.sliceDuration();
        boolean plots = given.plots() || annotated.plots().length > 0 && annotated.plots()[0];
        return new OutputSettings(level == null ? ExportLevel.RECORDS : level, slice, given.progress(), plots);
    }

    /** The exports' root folder: the command line's, the annotation's, the default. */
    static Path artifactDir(CliSettings cli, AnnotatedOutput annotated) {
        if (cli.artifactDir() != null) {
            return cli.artifactDir();
        }
        return annotated.artifactDir().isEmpty() ? SettingsResolver.DEFAULT_ARTIFACT_DIR
                : Path.of(annotated.artifactDir().strip());
    }
}
