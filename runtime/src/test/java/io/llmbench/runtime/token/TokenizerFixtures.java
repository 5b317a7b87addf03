package io.llmbench.runtime.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes small, valid Hugging Face {@code tokenizer.json} files for tests: a word-level model (one
 * token per word or punctuation run) behind a whitespace pre-tokenizer, with a post-processor that
 * would wrap every text in {@code [CLS] ... [SEP]} if special tokens were added.
 */
public final class TokenizerFixtures {

    /** Id of {@code [UNK]}. */
    public static final int UNK = 0;
    /** Id of {@code [CLS]}, added only when special tokens are. */
    public static final int CLS = 1;
    /** Id of {@code [SEP]}, added only when special tokens are. */
    public static final int SEP = 2;
    /** Id of the first word of the vocabulary. */
    public static final int FIRST_WORD = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerFixtures() {
    }

    /** Writes {@code dir/tokenizer.json} knowing {@code words} (ids from {@link #FIRST_WORD} in order). */
    public static Path writeWordLevel(Path dir, Collection<String> words) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, wordLevelJson(words));
        return file;
    }

    /** Every distinct word and punctuation run of {@code text}, as the whitespace pre-tokenizer splits it. */
    public static Set<String> wordsOf(String text) {
        Set<String> words = new LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\w+|[^\\w\\s]+",
                java.util.regex.Pattern.UNICODE_CHARACTER_CLASS).matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static String wordLevelJson(Collection<String> words) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        List<String> specials = List.of("[UNK]", "[CLS]", "[SEP]");
        for (int i = 0; i < specials.size(); i++) {
            added.addObject().put("id", i).put("content", specials.get(i)).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putNull("normalizer");
        root.putObject("pre_tokenizer").put("type", "Whitespace");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", "[CLS]").put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        single.addObject().putObject("SpecialToken").put("id", "[SEP]").put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addObject().putObject("SpecialToken").put("id", "[CLS]").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("SpecialToken").put("id", "[SEP]").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        pair.addObject().putObject("SpecialToken").put("id", "[SEP]").put("type_id", 1);
        ObjectNode specialTokens = post.putObject("special_tokens");
        for (int i = 1; i <= 2; i++) {
            ObjectNode t = specialTokens.putObject(specials.get(i));
            t.put("id", specials.get(i));
            t.putArray("ids").add(i);
            t.putArray("tokens").add(specials.get(i));
        }
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < specials.size(); i++) {
            vocab.put(specials.get(i), i);
        }
        int id = FIRST_WORD;
        for (String word : new LinkedHashSet<>(words)) {
            if (!vocab.has(word)) {
                vocab.put(word, id++);
            }
        }
        model.put("unk_token", "[UNK]");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
