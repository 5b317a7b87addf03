package io.llmbench.runtime.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a run ran, written as the summary's {@code environment}: the JVM, the OS, the cores, the suite's commit. */
public final class RunEnvironment {

    private RunEnvironment() {
    }

    /** The environment of this process, with the git revision of the working directory's repository, if any. */
    public static Map<String, Object> current() {
        return of(Path.of(""));
    }

    /** The environment of this process, with the git revision of the repository holding {@code folder}. */
    public static Map<String, Object> of(Path folder) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java_version", System.getProperty("java.version"));
        env.put("java_vendor", System.getProperty("java.vendor"));
        env.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("os_name", System.getProperty("os.name"));
        env.put("os_version", System.getProperty("os.version"));
        env.put("os_arch", System.getProperty("os.arch"));
        env.put("available_processors", Runtime.getRuntime().availableProcessors());
        env.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        GitRevision git = GitRevision.of(folder);
        env.put("git_commit", git == null ? null : git.commit());
        env.put("git_branch", git == null ? null : git.branch());
        return env;
    }
}
