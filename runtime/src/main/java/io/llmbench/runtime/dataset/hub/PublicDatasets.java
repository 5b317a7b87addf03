package io.llmbench.runtime.dataset.hub;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;
import io.llmbench.runtime.token.HubUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public datasets llmbench loads from the Hub, under AIPerf's names, each built as AIPerf's
 * loader for it builds requests ({@code src/aiperf/plugin/plugins.yaml} and
 * {@code src/aiperf/dataset/loader/} of {@code ai-dynamo/aiperf}). See {@code docs/public-datasets.md}.
 */
public final class PublicDatasets {

    private static final String BLAZEDIT_TEMPLATE = "Given a code file, please apply the change requests and"
            + " generate the new file.\n\nOriginal file:\n```python\n{code}\n```\n\nChange request:\n"
            + "{change_request}\n\nPlease generate the new code file in the \"New file\" section below.";

    // vLLM's sequence filter, which AIPerf applies to ShareGPT (is_valid_sequence).
    static final int MIN_SEQUENCE_TOKENS = 4;
    static final int MAX_PROMPT_TOKENS = 1024;
    static final int MAX_TOTAL_TOKENS = 2048;

    private static final Map<String, PublicDataset> BY_NAME = new LinkedHashMap<>();

    static {
        add(new PublicDataset("mmstar", "Lin-Chen/MMStar", null, "val", List.of("mmstar.parquet"), false,
                instruction("question", null, "image", "answer")));
        add(new PublicDataset("sharegpt", "anon8231489123/ShareGPT_Vicuna_unfiltered", null, "train",
                List.of("ShareGPT_V3_unfiltered_cleaned_split.json"), false, PublicDatasets::sharegpt));
        add(new PublicDataset("instruct_coder", "likaixin/InstructCoder", null, "train", List.of(), false,
                instruction("instruction", null, null, null)));
        add(new PublicDataset("aimo", "AI-MO/NuminaMath-TIR", null, "train", List.of(), false,
                instruction("problem", null, null, null)));
        add(new PublicDataset("aimo_aime", "AI-MO/aimo-validation-aime", null, "train", List.of(), false,
                instruction("problem", null, null, null)));
        add(new PublicDataset("aimo_numina_cot", "AI-MO/NuminaMath-CoT", null, "train", List.of(), false,
                instruction("problem", null, null, null)));
        add(new PublicDataset("aimo_numina_1_5", "AI-MO/NuminaMath-1.5", null, "train", List.of(), false,
                instruction("problem", null, null, null)));
        add(new PublicDataset("mmvu", "yale-nlp/MMVU", null, "validation", List.of(), false, PublicDatasets::mmvu));
        add(new PublicDataset("llava_onevision", "lmms-lab/LLaVA-OneVision-Data", "sharegpt4o", "train", List.of(),
                false, conversation("conversations", "value", "image")));
        add(new PublicDataset("vision_arena", "lmarena-ai/VisionArena-Chat", null, "train", List.of(), true,
                conversation("conversation", "content", "images")));
        add(new PublicDataset("blazedit_5k", "vdaita/edit_5k_char", null, "train", List.of(), false,
                instruction("change_request", BLAZEDIT_TEMPLATE, null, null)));
        add(new PublicDataset("blazedit_10k", "vdaita/edit_10k_char", null, "train", List.of(), false,
                instruction("change_request", BLAZEDIT_TEMPLATE, null, null)));
    }

    private PublicDatasets() {
    }

    private static void add(PublicDataset dataset) {
        BY_NAME.put(dataset.name(), dataset);
    }

    /** The dataset called {@code name}, or {@code null} when llmbench cannot load it from the Hub. */
    static PublicDataset byName(String name) {
        return BY_NAME.get(name);
    }

    /** The names of the datasets loaded from the Hub, in documentation order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * AIPerf's flat instruction/response loader: the prompt is {@code promptColumn} (or
     * {@code template} filled with the row's columns), rows with an empty prompt are skipped, and the
     * first image of {@code imageColumn} follows the text.
     */
    static RowMapper instruction(String promptColumn, String template, String imageColumn, String answerColumn) {
        return (row, id, context) -> {
            if (template == null && !row.values().containsKey(promptColumn)) {
                throw new IOException("column '" + promptColumn + "' not found; the file has " + row.values().keySet());
            }
            String prompt = template != null ? fill(template, row) : row.text(promptColumn);
            if (prompt == null || prompt.isBlank()) {
                return null;
            }
            List<ImageInput> images = imageColumn == null ? List.of() : firstImage(row.get(imageColumn), context);
            String answer = answerColumn == null ? null : row.text(answerColumn);
            return new DatasetEntry(id, prompt, images, DatasetEntry.UNSET, List.of(), List.of(), answer, 0,
                    DatasetEntry.UNSET, DatasetEntry.UNSET);
        };
    }

    /**
     * AIPerf's conversation-column loader: the prompt is the first user (or human) message, with
     * {@code <image>} placeholders removed; a turn wrapped in its own list (VisionArena) is unwrapped.
     */
    static RowMapper conversation(String conversationColumn, String contentKey, String imageColumn) {
        return (row, id, context) -> {
            String prompt = firstUserMessage(row.get(conversationColumn), contentKey);
            if (prompt == null) {
                return null;
            }
            List<ImageInput> images = firstImage(row.get(imageColumn), context);
            return new DatasetEntry(id, prompt, images, DatasetEntry.UNSET);
        };
    }

    /** MMVU: the question followed by its choices as {@code A.text B.text}, the video by URL. */
    static DatasetEntry mmvu(Row row, String id, RowContext context) {
        String question = row.text("question");
        question = question == null ? "" : question;
        String prompt = question;
        if (row.get("choices") instanceof Map<?, ?> choices) {
            StringBuilder joined = new StringBuilder();
            for (Map.Entry<?, ?> choice : choices.entrySet()) {
                if (choice.getValue() != null && !String.valueOf(choice.getValue()).isEmpty()) {
                    joined.append(joined.length() > 0 ? " " : "").append(choice.getKey()).append('.')
                            .append(choice.getValue());
                }
            }
            if (joined.length() > 0) {
                prompt = (question + " " + joined).strip();
            }
        }
        if (prompt.isEmpty()) {
            return null;
        }
        List<String> videos = new ArrayList<>();
        if (row.get("video") instanceof String url && !url.isEmpty()) {
            videos.add(url.contains("://") || url.startsWith("data:") ? url : "file://" + url);
        }
        return new DatasetEntry(id, prompt, List.of(), DatasetEntry.UNSET, videos, List.of(), row.text("answer"), 0,
                DatasetEntry.UNSET, DatasetEntry.UNSET);
    }

    /**
     * ShareGPT: the first human/gpt pair of {@code conversations} (the first two messages when no
     * roles are given), kept when vLLM's length filter passes; {@code max_tokens} is the reply's
     * length in tokens. The minimum reply length is not checked when the run sets an output length.
     */
    static DatasetEntry sharegpt(Row row, String id, RowContext context) {
        if (!(row.get("conversations") instanceof List<?> messages) || messages.size() < 2) {
            return null;
        }
        String[] pair = firstPair(messages);
        if (pair == null) {
            return null;
        }
        int promptTokens = context.tokenizer().count(pair[0]);
        int replyTokens = context.tokenizer().count(pair[1]);
        boolean checkReply = context.outputTokens() < 0;
        if (promptTokens < MIN_SEQUENCE_TOKENS || promptTokens > MAX_PROMPT_TOKENS
                || (checkReply && replyTokens < MIN_SEQUENCE_TOKENS)
                || promptTokens + replyTokens > MAX_TOTAL_TOKENS) {
            return null;
        }
        return new DatasetEntry(id, pair[0], List.of(), replyTokens);
    }

    private static String[] firstPair(List<?> messages) {
        List<Map<?, ?>> dicts = new ArrayList<>();
        boolean roles = false;
        for (Object m : messages) {
            if (m instanceof Map<?, ?> map) {
                dicts.add(map);
                roles |= "human".equals(map.get("from")) || "gpt".equals(map.get("from"));
            }
        }
        if (dicts.size() < 2) {
            return null;
        }
        if (!roles) {
            return pairOf(dicts.get(0).get("value"), dicts.get(1).get("value"));
        }
        List<Map<?, ?>> roleMessages = dicts.stream()
                .filter(m -> "human".equals(m.get("from")) || "gpt".equals(m.get("from"))).toList();
        for (int i = 0; i + 1 < roleMessages.size(); i++) {
            if ("human".equals(roleMessages.get(i).get("from")) && "gpt".equals(roleMessages.get(i + 1).get("from"))) {
                String[] pair = pairOf(roleMessages.get(i).get("value"), roleMessages.get(i + 1).get("value"));
                if (pair != null) {
                    return pair;
                }
                i++;
            }
        }
        return null;
    }

    private static String[] pairOf(Object prompt, Object reply) {
        if (prompt instanceof String p && reply instanceof String r && !p.isEmpty() && !r.isEmpty()) {
            return new String[] {p, r};
        }
        return null;
    }

    private static String firstUserMessage(Object value, String contentKey) {
        if (!(value instanceof List<?> messages)) {
            return null;
        }
        List<Map<?, ?>> normalized = new ArrayList<>();
        for (Object item : messages) {
            Object message = item instanceof List<?> wrapped && !wrapped.isEmpty() ? wrapped.get(0) : item;
            if (message instanceof Map<?, ?> map && !map.isEmpty()) {
                normalized.add(map);
            }
        }
        if (normalized.isEmpty()) {
            return null;
        }
        for (Map<?, ?> message : normalized) {
            Object role = message.get("role") != null ? message.get("role") : message.get("from");
            String r = role == null ? "" : role.toString().toLowerCase(java.util.Locale.ROOT);
            if (r.equals("user") || r.equals("human")) {
                return content(message, contentKey);
            }
        }
        return content(normalized.get(0), contentKey);
    }

    private static String content(Map<?, ?> message, String contentKey) {
        if (!(message.get(contentKey) instanceof String text)) {
            return null;
        }
        String stripped = text.replace("<image>", "").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** The first image of a column holding one image or a list of them, re-encoded as RGB JPEG. */
    static List<ImageInput> firstImage(Object value, RowContext context) throws IOException, HubUnavailableException {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                List<ImageInput> one = firstImage(item, context);
                if (!one.isEmpty()) {
                    return one;
                }
            }
            return List.of();
        }
        byte[] bytes = null;
        if (value instanceof byte[] raw) {
            bytes = raw;
        } else if (value instanceof Map<?, ?> image) {
            if (image.get("bytes") instanceof byte[] raw && raw.length > 0) {
                bytes = raw;
            } else if (image.get("path") instanceof String path && !path.isEmpty()) {
                bytes = context.repoFiles().read(path);
            }
        }
        if (bytes == null) {
            return List.of();
        }
        return List.of(new ImageInput(context.images().get().toJpegDataUrl(bytes)));
    }

    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)}");

    /** Python's {@code str.format(**row)} for the simple {@code {name}} fields AIPerf's templates use. */
    static String fill(String template, Row row) throws IOException {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = row.text(m.group(1));
            if (value == null && !row.values().containsKey(m.group(1))) {
                throw new IOException("column '" + m.group(1) + "' not found; the file has " + row.values().keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "None" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
