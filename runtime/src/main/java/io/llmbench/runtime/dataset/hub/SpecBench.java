package io.llmbench.runtime.dataset.hub;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.token.HubFileFetcher;
import io.llmbench.runtime.token.HubUnavailableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code spec_bench}: Spec-Bench's questions, which AIPerf downloads from GitHub (not the Hub) as one
 * JSON Lines file and sends one single-turn request per row, the row's first turn as it is, every
 * category alike ({@code SpecBenchLoader} of {@code ai-dynamo/aiperf}).
 */
final class SpecBench {

    /** AIPerf's name. */
    static final String NAME = "spec_bench";
    /** Environment variable naming another URL of the file (a mirror, or a test server). */
    static final String URL_VARIABLE = "LLMBENCH_SPEC_BENCH_URL";
    /** The file AIPerf reads: {@code hemingkx/Spec-Bench} at the commit AIPerf pins. */
    static final String DEFAULT_URL = "https://raw.githubusercontent.com/hemingkx/Spec-Bench/"
            + "fd2c1cd7d2201ef71db4c5f4e455008f017967bf/data/spec_bench/question.jsonl";

    /** How rows become entries: the dataset's name, mapper and (absent) Hub coordinates. */
    static final PublicDataset DATASET = new PublicDataset(NAME, null, null, null, List.of(), false, SpecBench::entry);

    private SpecBench() {
    }

    /** The URL read: {@value #URL_VARIABLE} when set, else AIPerf's pinned one. */
    static URI url(Map<String, String> env) {
        String override = env.get(URL_VARIABLE);
        return URI.create(override == null || override.isBlank() ? DEFAULT_URL : override.strip());
    }

    /**
     * The local copy of the questions, cached under a key made from the URL (another URL is another
     * file; the same URL is never downloaded twice).
     */
    static Path fetch(HubFileFetcher fetcher, URI url) throws HubUnavailableException {
        return fetcher.fetchUrl(url, cacheKey(url), "question.jsonl of " + NAME);
    }

    static String cacheKey(URI url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return NAME + "/" + HexFormat.of().formatHex(digest, 0, 8) + "/question.jsonl";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The row's first turn, unchanged, as a single-turn request; {@code null} (skipped) when the row
     * has no turns or the first one is blank, as AIPerf skips it.
     */
    static DatasetEntry entry(Row row, String id, RowContext context) {
        if (!(row.get("turns") instanceof List<?> turns) || turns.isEmpty() || turns.get(0) == null) {
            return null;
        }
        String first = String.valueOf(turns.get(0));
        if (first.isBlank()) {
            return null;
        }
        return new DatasetEntry(id, first, List.of(), DatasetEntry.UNSET);
    }
}
