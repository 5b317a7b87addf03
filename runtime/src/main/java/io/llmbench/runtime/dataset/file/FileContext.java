package io.llmbench.runtime.dataset.file;

import io.llmbench.runtime.dataset.SyntheticPromptGenerator;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.token.Tokenizer;
import java.nio.file.Path;

/**
 * What a format reader needs: the path, the run's input settings and tokenizer, and (made on first
 * use, because tokenizing the corpus takes a moment) the prompt generator for formats that give
 * lengths instead of text.
 */
public final class FileContext {

    private final Path path;
    private final InputSpec input;
    private final Tokenizer tokenizer;
    private SyntheticPromptGenerator prompts;

    /** A context for reading {@code path} under {@code input} and {@code tokenizer}. */
    public FileContext(Path path, InputSpec input, Tokenizer tokenizer) {
        this.path = path;
        this.input = input;
        this.tokenizer = tokenizer;
    }

    /** The dataset file or directory. */
    public Path path() {
        return path;
    }

    /** The run's input settings. */
    public InputSpec input() {
        return input;
    }

    /** The run's tokenizer. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The generator of prompts of a given length (and of hash-id prompts), seeded by the run's seed. */
    public SyntheticPromptGenerator prompts() {
        if (prompts == null) {
            prompts = new SyntheticPromptGenerator(tokenizer, input.randomSeed());
        }
        return prompts;
    }

    /** The hash-id block size: {@code --isl-block-size} when given, else the format's default. */
    public int blockSize(int formatDefault) {
        int given = input.synthesis().islBlockSize();
        return given > 0 ? given : formatDefault;
    }
}
