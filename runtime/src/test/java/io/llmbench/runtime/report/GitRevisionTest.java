package io.llmbench.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRevisionTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String OTHER = "fedcba9876543210fedcba9876543210fedcba98";

    @TempDir
    Path repo;

    @Test
    void branchRefIsReadFromALooseRefFromASubfolder() throws IOException {
        Files.createDirectories(repo.resolve(".git/refs/heads"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(repo.resolve(".git/refs/heads/main"), COMMIT + "\n");
        Path sub = Files.createDirectories(repo.resolve("bench/suite"));
        assertEquals(new GitRevision(COMMIT, "main"), GitRevision.of(sub));
    }

    @Test
    void packedRefsAndDetachedHeadsAreRead() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/release\n");
        Files.writeString(repo.resolve(".git/packed-refs"),
                "# pack-refs with: peeled fully-peeled sorted\n" + OTHER + " refs/heads/main\n" + COMMIT
                        + " refs/heads/release\n");
        assertEquals(new GitRevision(COMMIT, "release"), GitRevision.of(repo));
        Files.writeString(repo.resolve(".git/HEAD"), OTHER + "\n");
        assertEquals(new GitRevision(OTHER, null), GitRevision.of(repo));
    }

    @Test
    void aWorktreesGitFileLeadsToItsOwnHeadAndTheCommonRefs() throws IOException {
        Path main = repo.resolve("main");
        Files.createDirectories(main.resolve(".git/worktrees/wt"));
        Files.writeString(main.resolve(".git/worktrees/wt/HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(main.resolve(".git/worktrees/wt/commondir"), "../..\n");
        Files.writeString(main.resolve(".git/packed-refs"), COMMIT + " refs/heads/feature\n");
        Path worktree = Files.createDirectories(repo.resolve("wt"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + main.resolve(".git/worktrees/wt") + "\n");
        assertEquals(new GitRevision(COMMIT, "feature"), GitRevision.of(worktree));
    }
}
