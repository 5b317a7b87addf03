package io.llmbench.runtime.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The commit checked out in the git repository that holds a folder, read from the {@code .git}
 * files directly (no {@code git} process): {@code HEAD}, then the branch's loose ref or
 * {@code packed-refs}; a worktree's {@code .git} file and its {@code commondir} are followed.
 *
 * @param commit the full commit id
 * @param branch the branch name, or {@code null} for a detached HEAD
 */
public record GitRevision(String commit, String branch) {

    /** The revision of the repository holding {@code folder} (or a parent of it), or {@code null}. */
    public static GitRevision of(Path folder) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.exists(dotGit)) {
                try {
                    return read(dotGit);
                } catch (IOException | RuntimeException e) {
                    // A damaged or unusual repository only costs the commit line in the exports.
                    return null;
                }
            }
        }
        return null;
    }

    private static GitRevision read(Path dotGit) throws IOException {
        Path gitDir = dotGit;
        if (Files.isRegularFile(dotGit)) {
            String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
            if (!line.startsWith("gitdir:")) {
                return null;
            }
            gitDir = dotGit.getParent().resolve(line.substring("gitdir:".length()).strip()).normalize();
        }
        Path commonDir = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            commonDir = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).strip()).normalize();
        }
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).strip();
        if (!head.startsWith("ref:")) {
            return new GitRevision(head, null);
        }
        String ref = head.substring("ref:".length()).strip();
        String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
        for (Path dir : List.of(gitDir, commonDir)) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return new GitRevision(Files.readString(loose, StandardCharsets.UTF_8).strip(), branch);
            }
        }
        Path packed = commonDir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (line.endsWith(" " + ref) && !line.startsWith("#")) {
                    return new GitRevision(line.substring(0, line.indexOf(' ')), branch);
                }
            }
        }
        // A branch without commits yet.
        return null;
    }
}
