package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.record.ResponseChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rerankers: a query and passages in, scores out; never streamed, no output text. The three
 * APIs differ only in names: NIM ({@code /v1/ranking}: {@code query.text}, {@code passages[].text}
 * → {@code rankings}), Hugging Face TEI ({@code /rerank}: {@code query}, {@code texts} → a bare
 * array), Cohere v2 ({@code /v2/rerank}: {@code query}, {@code documents} → {@code results}).
 *
 * <p>An entry with a batch of texts (synthetic rankings) sends its first text as the query and the
 * others as passages. Otherwise its text becomes a query (its first quarter of words, at most 16) and
 * three passages (the rest, in three parts), so that any text dataset can drive a reranker.
 */
final class RankingsShape implements ApiShape {

    private enum Flavour { NIM, TEI, COHERE }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Flavour flavour;

    private RankingsShape(Flavour flavour) {
        this.flavour = flavour;
    }

    static RankingsShape nim() {
        return new RankingsShape(Flavour.NIM);
    }

    static RankingsShape huggingFaceTei() {
        return new RankingsShape(Flavour.TEI);
    }

    static RankingsShape cohere() {
        return new RankingsShape(Flavour.COHERE);
    }

    @Override
    public String path(boolean streaming) {
        return switch (flavour) {
            case NIM -> "/v1/ranking";
            case TEI -> "/rerank";
            case COHERE -> "/v2/rerank";
        };
    }

    /** The query and passages cut from {@code text}. */
    static List<String> queryAndPassages(String text) {
        String[] words = text.strip().split("\\s+");
        int queryWords = Math.max(1, Math.min(16, words.length / 4));
        List<String> parts = new ArrayList<>();
        parts.add(String.join(" ", Arrays.copyOfRange(words, 0, queryWords)));
        int rest = words.length - queryWords;
        for (int i = 0; i < 3 && rest > 0; i++) {
            int from = queryWords + rest * i / 3;
            int to = queryWords + rest * (i + 1) / 3;
            if (to > from) {
                parts.add(String.join(" ", Arrays.copyOfRange(words, from, to)));
            }
        }
        return parts;
    }

    @Override
    public void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens) {
        List<String> parts = entry.texts().isEmpty() ? queryAndPassages(entry.text()) : entry.texts();
        List<String> passages = parts.subList(1, parts.size());
        switch (flavour) {
            case NIM -> {
                body.put("model", model);
                body.putObject("query").put("text", parts.get(0));
                ArrayNode array = body.putArray("passages");
                passages.forEach(passage -> array.addObject().put("text", passage));
            }
            case TEI -> {
                body.put("query", parts.get(0));
                ArrayNode array = body.putArray("texts");
                passages.forEach(array::add);
            }
            case COHERE -> {
                body.put("model", model);
                body.put("query", parts.get(0));
                ArrayNode array = body.putArray("documents");
                passages.forEach(array::add);
            }
        }
    }

    @Override
    public ResponseDecoder.Decoded decodeEvents(List<SseEvent> events) {
        return ResponseDecoder.malformedBody(new byte[0], "rankings (a reranker does not stream)");
    }

    @Override
    public ResponseDecoder.Decoded decodeBody(byte[] body, long receivedNs) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !(node.isObject() || node.isArray())) {
            return ResponseDecoder.malformedBody(body, null);
        }
        if (node.isObject() && node.has("error")) {
            return ResponseDecoder.errorBody(node, body);
        }
        JsonNode rankings = switch (flavour) {
            case NIM -> node.get("rankings");
            case TEI -> node;
            case COHERE -> node.get("results");
        };
        if (rankings == null || !rankings.isArray()) {
            return ResponseDecoder.malformedBody(body, flavour == Flavour.TEI ? "array of rankings"
                    : flavour == Flavour.NIM ? "'rankings' array" : "'results' array");
        }
        return new ResponseDecoder.Decoded(List.of(new ResponseChunk(receivedNs, "", "", false)), null, null);
    }
}
