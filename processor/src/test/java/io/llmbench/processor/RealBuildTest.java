package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor under the JDK's javac writing to real directories, as in a Maven build. */
class RealBuildTest {

    @TempDir
    Path root;

    @Test
    void oneInvalidBenchmarkDoesNotStopAnotherFromGenerating() throws IOException {
        RealJavac javac = new RealJavac(root);
        Path bad = javac.write("test.Bad",
                "package test;",
                "@io.llmbench.annotations.LlmBenchmark(concurrency = 0)",
                "public class Bad { }");
        Path good = javac.write("test.Good",
                "package test;",
                "@io.llmbench.annotations.LlmBenchmark(concurrency = 2)",
                "public class Good { }");

        RealJavac.Result result = javac.compile(bad, good);

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).containsExactly(
                String.format(ErrorMessages.BELOW_MINIMUM, "concurrency", 0, 1, "concurrency"));
        assertThat(Files.readString(javac.generatedDir().resolve("test/Good_LlmBenchmark.java")))
                .contains(".concurrency(2)");
        assertThat(Files.exists(javac.generatedDir().resolve("test/Bad_LlmBenchmark.java"))).isFalse();
        assertThat(Files.readString(javac.classDir().resolve(ServiceIndexWriter.PATH)))
                .isEqualTo("test.Good_LlmBenchmark\n");
    }

    @Test
    void incrementalBuildKeepsTheEntriesOfTheIndexAlreadyInTheClassOutput() throws IOException {
        RealJavac javac = new RealJavac(root);
        Path index = javac.classDir().resolve(ServiceIndexWriter.PATH);
        Files.createDirectories(index.getParent());
        Files.writeString(index, "# from an earlier build\nz.Old_LlmBenchmark\n\n  m.New_LlmBenchmark  \n");
        Path source = javac.write("m.New",
                "package m;",
                "@io.llmbench.annotations.LlmBenchmark",
                "public class New { }");
        Path other = javac.write("a.Other",
                "package a;",
                "@io.llmbench.annotations.LlmBenchmark",
                "public class Other { }");

        RealJavac.Result result = javac.compile(source, other);

        assertThat(result.errors()).isEmpty();
        assertThat(result.success()).isTrue();
        assertThat(Files.readString(index))
                .isEqualTo("a.Other_LlmBenchmark\nm.New_LlmBenchmark\nz.Old_LlmBenchmark\n");
    }
}
