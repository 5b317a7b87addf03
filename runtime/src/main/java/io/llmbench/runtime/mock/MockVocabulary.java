package io.llmbench.runtime.mock;

import java.util.ArrayList;
import java.util.List;

/**
 * The text the mock server generates: common English words with a leading space, each a single
 * token in {@code cl100k_base} and {@code o200k_base} (and, being among the most frequent words,
 * in other byte-level BPE vocabularies), so a client that counts the tokens of what it received
 * gets exactly the number the server sent.
 */
public final class MockVocabulary {

    private static final String[] TOKENS = (
            " the of and to in is that for it with as was on be at by this had not are but from or"
            + " have an they which one you were her all she there would their we him been has when"
            + " who will more no if out so said what up its about into than them can only other new")
            .split("(?= )");

    private static final byte[][] TOKEN_BYTES = new byte[TOKENS.length][];

    static {
        for (int i = 0; i < TOKENS.length; i++) {
            TOKEN_BYTES[i] = TOKENS[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private MockVocabulary() {
    }

    /** The {@code index}-th token generated in every response (the words cycle). */
    public static String token(int index) {
        return TOKENS[index % TOKENS.length];
    }

    /** {@link #token(int)} as UTF-8 (shared: do not modify). */
    static byte[] tokenBytes(int index) {
        return TOKEN_BYTES[index % TOKEN_BYTES.length];
    }

    /** The first {@code count} tokens of every response. */
    public static List<String> tokens(int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(token(i));
        }
        return tokens;
    }

    /** The text of a response of {@code count} tokens. */
    public static String text(int count) {
        return String.join("", tokens(count));
    }
}
