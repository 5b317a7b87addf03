package io.llmbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a JVM of the harness's own: same Java, same class path. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** {@code java <jvmOptions> -cp <this class path> <mainAndArgs>}. */
    static List<String> command(List<String> jvmOptions, String... mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(mainAndArgs));
        return command;
    }
}
