package io.llmbench.runtime.dataset.hub;

import io.llmbench.runtime.token.Tokenizer;

/** One token per whitespace-separated word: lengths the tests can count by eye. */
final class WordTokenizer implements Tokenizer {

    @Override
    public int count(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
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
        return "words";
    }

    @Override
    public boolean isFallback() {
        return false;
    }
}
