package io.llmbench.runtime.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Public-domain prose that synthetic prompts are cut from: by default the bundled full text of Jane
 * Austen's <i>Pride and Prejudice</i> (origin and licence in the {@code README.md} beside it and in
 * {@code docs/datasets.md}).
 *
 * <p>As AIPerf does with its Shakespeare corpus, blank lines are dropped, the other lines are trimmed
 * and joined with single spaces, and the result is cut into chunks of about 10,000 characters at line
 * boundaries. Chunks are tokenized separately (so a token never spans two chunks) and their boundaries
 * depend on the text alone, which keeps prompts reproducible from a seed.
 */
public final class PromptCorpus {

    /** The bundled corpus, a resource of this package. */
    public static final String BUNDLED_RESOURCE = "pride-and-prejudice.txt";

    /** Characters after which a chunk is closed at the next line end. */
    static final int CHUNK_CHARS = 10_000;

    private static volatile PromptCorpus bundled;

    private final String name;
    private final List<String> chunks;

    private PromptCorpus(String name, List<String> chunks) {
        this.name = name;
        this.chunks = List.copyOf(chunks);
    }

    /** The bundled public-domain corpus, read once per process. */
    public static PromptCorpus bundled() {
        PromptCorpus corpus = bundled;
        if (corpus == null) {
            synchronized (PromptCorpus.class) {
                corpus = bundled;
                if (corpus == null) {
                    corpus = of("Pride and Prejudice (Jane Austen)", readResource());
                    bundled = corpus;
                }
            }
        }
        return corpus;
    }

    /** A corpus of {@code text}, chunked as described above. */
    public static PromptCorpus of(String name, String text) {
        Objects.requireNonNull(text, "text");
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (chunk.length() > 0) {
                chunk.append(' ');
            }
            chunk.append(trimmed);
            if (chunk.length() >= CHUNK_CHARS) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString());
        }
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("corpus " + name + " has no text");
        }
        return new PromptCorpus(name, chunks);
    }

    /** What the corpus is, for logs and docs. */
    public String name() {
        return name;
    }

    /** The chunks to tokenize, in order. */
    public List<String> chunks() {
        return chunks;
    }

    private static String readResource() {
        try (InputStream in = PromptCorpus.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUNDLED_RESOURCE + " next to "
                        + PromptCorpus.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }
}
