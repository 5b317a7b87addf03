package io.llmbench.runtime.metrics;

import io.llmbench.runtime.token.Tokenizer;

/** A test tokenizer: one token per whitespace-separated word, so that counts are obvious by eye. */
public class WhitespaceTokenizer implements Tokenizer {

    @Override
    public int count(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    @Override
    public int[] encode(String text) {
        return new int[count(text)];
    }

    @Override
    public String decode(int[] ids) {
        return "w ".repeat(ids.length).strip();
    }

    @Override
    public String name() {
        return "whitespace";
    }

    @Override
    public boolean isFallback() {
        return false;
    }
}
