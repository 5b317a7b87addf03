package io.llmbench.runtime.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FallbackTokenizerTest {

    private final FallbackTokenizer tokenizer = new FallbackTokenizer();

    @Test
    void encodesWithCl100kBase() {
        // cl100k_base: "Hello" = 9906, " world" = 1917.
        assertArrayEquals(new int[] {9906, 1917}, tokenizer.encode("Hello world"));
        assertEquals(2, tokenizer.count("Hello world"));
    }

    @Test
    void countsLongTextsExactly() {
        // " hello" is a single cl100k token.
        assertEquals(1000, tokenizer.count("hello" + " hello".repeat(999)));
    }

    @Test
    void treatsSpecialTokenTextAsPlainText() {
        int count = tokenizer.count("<|endoftext|>");

        assertTrue(count > 1, "encoded as ordinary text, not as the single special token: " + count);
    }

    @Test
    void decodesBackToTheText() {
        String text = "It is a truth universally acknowledged, that a single man...";

        assertEquals(text, tokenizer.decode(tokenizer.encode(text)));
    }

    @Test
    void isLabelledAsTheFallback() {
        assertTrue(tokenizer.isFallback());
        assertTrue(tokenizer.name().contains("fallback"), tokenizer.name());
    }
}
