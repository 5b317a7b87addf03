package io.llmbench.runtime.token;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A Hugging Face tokenizer ({@code tokenizer.json}) run by the Rust {@code tokenizers} library
 * through DJL's binding.
 *
 * <p>DJL's defaults would truncate every text to 512 tokens and add the model's special tokens (BOS,
 * EOS, CLS, ...); both are switched off, as is padding, so counts are those of the text alone.
 * Encoding and decoding are safe from many threads: the native tokenizer is immutable once built.
 *
 * <p>The native library ships inside DJL's jar and is copied on first use to
 * {@code ${ENGINE_CACHE_DIR:-${DJL_CACHE_DIR:-~/.djl.ai}}/tokenizers/<version>-<flavor>-<os>/}. On a
 * machine where DJL detects CUDA it would look for a CUDA build of the library, which is not in the
 * jar, and download it; DJL's offline mode ({@code ai.djl.offline}) pins the CPU build, so it is set
 * here unless the user set it.
 */
public final class HfTokenizer implements Tokenizer {

    static {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final HuggingFaceTokenizer delegate;
    private final String name;

    private HfTokenizer(HuggingFaceTokenizer delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    /**
     * Loads a {@code tokenizer.json} file. Only that file is read: a {@code tokenizer_config.json}
     * beside it is ignored, since its settings (special tokens, clean-up of spaces on decode) would
     * only make counts differ from the text's own.
     *
     * @param tokenizerJson the {@code tokenizer.json} file
     * @param name what to report as {@link #name()}: the path or the Hub model id
     * @throws IOException if the file cannot be read or is not a tokenizer the library understands
     */
    public static HfTokenizer load(Path tokenizerJson, String name) throws IOException {
        Objects.requireNonNull(name, "name");
        Map<String, String> options = Map.of(
                "addSpecialTokens", "false",
                "truncation", "false",
                "padding", "false",
                "withOverflowingTokens", "false");
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            return new HfTokenizer(HuggingFaceTokenizer.newInstance(in, options), name);
        } catch (RuntimeException | LinkageError e) {
            // Malformed JSON or an unknown model type comes back from the native side as a
            // RuntimeException; a native library that cannot load, as an EngineException or a LinkageError.
            throw new IOException("cannot load " + tokenizerJson + " as a Hugging Face tokenizer ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    @Override
    public int count(String text) {
        return ids(text).length;
    }

    @Override
    public int[] encode(String text) {
        long[] ids = ids(text);
        int[] result = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = (int) ids[i];
        }
        return result;
    }

    /**
     * The token ids alone. DJL's {@code encode} copies every field of the native encoding into Java
     * (the tokens as strings, offsets as objects, masks) and that cost several times the encoding
     * itself; counting needs only the ids. The text goes in as DJL would send it with this
     * tokenizer's options (no prefix space, no lower-casing).
     */
    private long[] ids(String text) {
        Objects.requireNonNull(text, "text");
        long encoding = TokenizersLibrary.LIB.encode(delegate.getHandle(), text, false);
        try {
            return TokenizersLibrary.LIB.getTokenIds(encoding);
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }

    @Override
    public String decode(int[] ids) {
        long[] longIds = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longIds[i] = ids[i];
        }
        return delegate.decode(longIds, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isFallback() {
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
