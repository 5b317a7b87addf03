package io.llmbench.runtime.run;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Names and creates the folder of one run below the artifact root:
 * {@code <benchmark>[-<point>]-<model>-<endpoint>-<load>-<yyyyMMdd-HHmmss>}
 * (the load as {@code concurrency<N>}, {@code rate<R>[-concurrency<N>]} or {@code fixed-schedule}), so that runs never
 * overwrite each other and a listing sorts by benchmark, then time.
 */
final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunDirectory() {
    }

    static Path create(RunSpec spec, LocalDateTime now) {
        return create(spec, now, "");
    }

    /**
     * The folder of the aggregate over the repeated runs of {@code spec}'s point: named as a run's,
     * {@code aggregate} where a run's name says {@code run<N>}, so that it lists beside them.
     */
    static Path createAggregate(RunSpec spec, LocalDateTime now) {
        return create(spec, now, "-aggregate");
    }

    private static Path create(RunSpec spec, LocalDateTime now, String kind) {
        StringBuilder name = new StringBuilder(simpleName(spec.benchmarkName()));
        for (Map.Entry<String, String> entry : spec.point().entrySet()) {
            name.append('-').append(entry.getKey()).append(entry.getValue());
        }
        name.append(kind);
        name.append('-').append(spec.target().model())
                .append('-').append(spec.target().endpointType().cliName())
                .append('-').append(LoadDescription.folderLabel(spec.load()))
                .append('-').append(STAMP.format(now));
        String safe = name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = spec.artifactDir().resolve(safe);
        for (int i = 2; Files.exists(dir); i++) {
            dir = spec.artifactDir().resolve(safe + "-" + i);
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create the run folder " + dir + " (" + e.getMessage()
                    + "): choose a writable --artifact-dir");
        }
    }

    private static String simpleName(String benchmarkName) {
        int dot = benchmarkName.lastIndexOf('.');
        return dot < 0 ? benchmarkName : benchmarkName.substring(dot + 1);
    }
}
