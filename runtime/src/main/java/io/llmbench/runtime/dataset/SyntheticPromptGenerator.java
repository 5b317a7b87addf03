package io.llmbench.runtime.dataset;

import io.llmbench.runtime.token.Tokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.WeakHashMap;
import java.util.stream.IntStream;

/**
 * Synthetic prompts of a chosen token length, cut from a {@link PromptCorpus} the way AIPerf's
 * prompt generator does it: the corpus is tokenized once with the run's tokenizer; each prompt takes a
 * length from N(mean, stddev) (at least 1), a start position uniformly at random, the tokens from
 * there (wrapping around the end of the corpus), and decodes them to text.
 *
 * <p>Decoding a slice and encoding the text again can merge or split tokens at the edges, so the
 * prompt's own count may differ from the target by a token or two. Unlike AIPerf, the slice is then
 * lengthened or shortened a few times by the difference, which brings almost every prompt to the
 * exact target. The same seed, corpus and tokenizer give the same prompts. Not thread-safe: one
 * generator per thread.
 */
public final class SyntheticPromptGenerator {

    private static final int LENGTH_CORRECTIONS = 4;

    // Tokenizing the bundled corpus takes a noticeable moment; sweeps build many generators.
    private static final Map<Tokenizer, Map<PromptCorpus, int[]>> ENCODED = new WeakHashMap<>();

    private final Tokenizer tokenizer;
    private final int[] corpusTokens;
    private final Random lengthRandom;
    private final Random positionRandom;
    private final long seed;

    /** A generator over the bundled corpus. */
    public SyntheticPromptGenerator(Tokenizer tokenizer, long seed) {
        this(tokenizer, PromptCorpus.bundled(), seed);
    }

    /**
     * @param tokenizer the run's tokenizer, which counts the prompts' tokens
     * @param corpus the text prompts are cut from
     * @param seed the seed of prompt lengths and positions
     */
    public SyntheticPromptGenerator(Tokenizer tokenizer, PromptCorpus corpus, long seed) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.corpusTokens = encoded(tokenizer, corpus);
        this.lengthRandom = SeededRandoms.derive(seed, "dataset.prompt.length");
        this.positionRandom = SeededRandoms.derive(seed, "dataset.prompt.corpus");
        this.seed = seed;
    }

    /** A prompt whose length in tokens is drawn from N({@code mean}, {@code stddev}). */
    public String generate(int mean, int stddev) {
        return prompt(sampleLength(mean, stddev));
    }

    /** A length from N({@code mean}, {@code stddev}) truncated at zero, rounded up, at least 1. */
    public int sampleLength(int mean, int stddev) {
        return SeededRandoms.positiveNormalInt(lengthRandom, mean, stddev);
    }

    /** A prompt of {@code numTokens} tokens (exactly, or within a token or two) from a random position. */
    public String prompt(int numTokens) {
        if (numTokens < 1) {
            throw new IllegalArgumentException("numTokens must be at least 1: " + numTokens);
        }
        return cut(positionRandom.nextInt(corpusTokens.length), numTokens);
    }

    /**
     * One prompt per length of {@code numTokens}, the same as calling {@link #prompt(int)} for each in
     * turn: the start positions are drawn in order on the calling thread, then the slices are decoded
     * and corrected in parallel (the tokenizer is thread-safe), which is where the time goes.
     */
    public List<String> prompts(int[] numTokens) {
        int[] starts = new int[numTokens.length];
        for (int i = 0; i < numTokens.length; i++) {
            if (numTokens[i] < 1) {
                throw new IllegalArgumentException("numTokens must be at least 1: " + numTokens[i]);
            }
            starts[i] = positionRandom.nextInt(corpusTokens.length);
        }
        return Arrays.asList(IntStream.range(0, numTokens.length).parallel()
                .mapToObj(i -> cut(starts[i], numTokens[i])).toArray(String[]::new));
    }

    private String cut(int start, int numTokens) {
        int sliceLength = numTokens;
        String best = null;
        int bestError = Integer.MAX_VALUE;
        for (int attempt = 0; attempt <= LENGTH_CORRECTIONS; attempt++) {
            String candidate = decode(start, sliceLength);
            int count = tokenizer.count(candidate);
            int error = Math.abs(count - numTokens);
            if (error < bestError) {
                best = candidate;
                bestError = error;
            }
            int next = Math.max(1, sliceLength + (numTokens - count));
            if (error == 0 || next == sliceLength) {
                break;
            }
            sliceLength = next;
        }
        return best;
    }

    /**
     * A prompt of {@code inputLength} tokens built from hash-id blocks, as AIPerf synthesises trace
     * prompts: each hash id stands for one block of {@code blockSize} tokens (the last block holds
     * the rest of {@code inputLength}); a hash id always maps to the same corpus tokens (chosen from
     * the seed and the id, not from the order of requests), so requests whose hash ids start alike
     * share a prefix of identical text. The assembled token sequence is decoded once. Without hash
     * ids it is {@link #prompt(int)}.
     */
    public String hashIdPrompt(int[] hashIds, int inputLength, int blockSize) {
        // Thread-safe when hashIds is non-empty (no random stream is touched): hashIdPrompts relies on it.
        if (inputLength < 1 || blockSize < 1) {
            throw new IllegalArgumentException("inputLength and blockSize must be at least 1: " + inputLength + ", "
                    + blockSize);
        }
        if (hashIds == null || hashIds.length == 0) {
            return prompt(inputLength);
        }
        int[] ids = new int[inputLength];
        int at = 0;
        for (int block = 0; block < hashIds.length && at < inputLength; block++) {
            int length = block == hashIds.length - 1 ? inputLength - at : Math.min(blockSize, inputLength - at);
            int start = blockStart(hashIds[block]);
            for (int i = 0; i < length; i++) {
                ids[at++] = corpusTokens[(start + i) % corpusTokens.length];
            }
        }
        return tokenizer.decode(ids);
    }

    /**
     * One prompt per request, the same as calling {@link #hashIdPrompt} for each in turn, decoded in
     * parallel: requests without hash ids draw their start positions in order on the calling thread,
     * and a hash id's block depends on the seed and the id only.
     *
     * @param hashIds each request's hash ids ({@code null} or empty for a plain prompt)
     * @param inputLengths each request's length in tokens
     */
    public List<String> hashIdPrompts(List<int[]> hashIds, int[] inputLengths, int blockSize) {
        int[] plainLengths = IntStream.range(0, inputLengths.length)
                .filter(i -> hashIds.get(i) == null || hashIds.get(i).length == 0)
                .map(i -> inputLengths[i]).toArray();
        List<String> plain = prompts(plainLengths);
        String[] made = IntStream.range(0, inputLengths.length).parallel()
                .mapToObj(i -> hashIds.get(i) == null || hashIds.get(i).length == 0 ? null
                        : hashIdPrompt(hashIds.get(i), inputLengths[i], blockSize))
                .toArray(String[]::new);
        for (int i = 0, p = 0; i < made.length; i++) {
            if (made[i] == null) {
                made[i] = plain.get(p++);
            }
        }
        return Arrays.asList(made);
    }

    // Where a hash id's block starts: a function of the seed and the id alone, so the same id always
    // gives the same tokens, whichever request asks first and on whichever thread.
    private int blockStart(int hashId) {
        return SeededRandoms.derive(seed ^ (0x9E3779B97F4A7C15L * (hashId + 1L)), "dataset.prompt.hash-block")
                .nextInt(corpusTokens.length);
    }

    /** How many tokens the corpus holds under this generator's tokenizer. */
    public int corpusTokenCount() {
        return corpusTokens.length;
    }

    private String decode(int start, int length) {
        int[] ids = new int[length];
        for (int i = 0; i < length; i++) {
            ids[i] = corpusTokens[(start + i) % corpusTokens.length];
        }
        return tokenizer.decode(ids);
    }

    private static int[] encoded(Tokenizer tokenizer, PromptCorpus corpus) {
        synchronized (ENCODED) {
            return ENCODED.computeIfAbsent(tokenizer, t -> new WeakHashMap<>())
                    .computeIfAbsent(corpus, c -> encode(tokenizer, c));
        }
    }

    private static int[] encode(Tokenizer tokenizer, PromptCorpus corpus) {
        int[][] parts = corpus.chunks().parallelStream().map(tokenizer::encode).toArray(int[][]::new);
        int total = 0;
        for (int[] part : parts) {
            total += part.length;
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        if (total == 0) {
            throw new IllegalStateException("tokenizer " + tokenizer.name() + " made no tokens of " + corpus.name());
        }
        return all;
    }
}
