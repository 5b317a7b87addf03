package io.llmbench.bench;

import io.llmbench.runtime.dataset.SyntheticPromptGenerator;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.HfTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Client tokenization, measured apart from the network (it never runs on Jetty's threads): how many
 * texts one core counts per second, for an output-sized text (128 tokens, as the harness's streams)
 * and a prompt-sized one (1,000 tokens), with the offline fallback tokenizer and, when a
 * {@code tokenizer.json} is at hand, a Hugging Face one. Texts are the synthetic dataset's own
 * prompts (English prose from the bundled corpus), each distinct, so no cache helps; time is this
 * thread's CPU clock, so other processes on the machine do not count.
 */
final class TokenizerCost {

    private static final int[] LENGTHS = {128, 1_000};
    private static final int DISTINCT_TEXTS = 2_000;

    private TokenizerCost() {
    }

    /** Prints one line per tokenizer; {@code tokenizerJson} may be null. */
    static void print(Path tokenizerJson, double scale) throws Exception {
        List<Tokenizer> tokenizers = new ArrayList<>();
        tokenizers.add(new FallbackTokenizer());
        if (tokenizerJson != null && Files.isRegularFile(tokenizerJson)) {
            tokenizers.add(HfTokenizer.load(tokenizerJson, tokenizerJson.getParent().getFileName().toString()));
        }
        for (Tokenizer tokenizer : tokenizers) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "client tokenization, one thread's CPU, %s:", tokenizer.name()));
            for (int length : LENGTHS) {
                double nanosEach = nanosPerText(tokenizer, length, scale);
                line.append(String.format(Locale.ROOT, " %,d-token texts %,.0f/s per core (%.1f µs each);",
                        length, 1e9 / nanosEach, nanosEach / 1e3));
            }
            line.setLength(line.length() - 1);
            System.out.println(line);
        }
    }

    private static double nanosPerText(Tokenizer tokenizer, int length, double scale) {
        List<String> texts = new SyntheticPromptGenerator(tokenizer, 7L).prompts(filled(DISTINCT_TEXTS, length));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int rounds = Math.max(2, (int) Math.round(5 * scale * 1_000 / length));
        long tokens = 0;
        // The first pass compiles the tokenizer's code; the later ones are measured.
        for (String text : texts) {
            tokens += tokenizer.count(text);
        }
        long start = cpu.getCurrentThreadCpuTime();
        for (int round = 0; round < rounds; round++) {
            for (String text : texts) {
                tokens += tokenizer.count(text);
            }
        }
        long spent = cpu.getCurrentThreadCpuTime() - start;
        if (tokens < (long) (rounds + 1) * texts.size() * length / 2) {
            throw new IllegalStateException(tokenizer.name() + " counted " + tokens + " tokens, far fewer than asked");
        }
        return spent / (double) (rounds * texts.size());
    }

    private static int[] filled(int count, int length) {
        int[] lengths = new int[count];
        java.util.Arrays.fill(lengths, length);
        return lengths;
    }
}
