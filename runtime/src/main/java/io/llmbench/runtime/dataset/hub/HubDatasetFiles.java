package io.llmbench.runtime.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.token.HubFileFetcher;
import io.llmbench.runtime.token.HubRepo;
import io.llmbench.runtime.token.HubUnavailableException;
import io.llmbench.runtime.token.HubUnavailableException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Finds and fetches the data files of one split of a Hub dataset, by the rules of the
 * {@code datasets} library.
 *
 * <p>The files of a revision are listed with the Hub's tree API
 * ({@code GET /api/datasets/<id>/tree/<revision>?recursive=true}, every page of it: see
 * {@link HubFileFetcher#apiPages}); the listing is kept in the cache beside the files so that a
 * later run finds them offline without a request. A split's files are, in order of preference:
 * <ol>
 *   <li>the files the dataset's definition names (AIPerf names a file for some datasets);</li>
 *   <li>the files the dataset card maps to the split: the {@code configs:} of the YAML block of
 *       {@code README.md} ({@link DatasetCard}), patterns resolved with {@link HubGlob};</li>
 *   <li>without {@code configs:}, the Hub's naming conventions ({@link SplitConventions}), inside the
 *       folder named for the subset when one is asked for;</li>
 *   <li>when {@code main} has no readable file for the split, the Hub's automatic Parquet
 *       conversion, branch {@code refs/convert/parquet}, laid out as
 *       {@code <config>/<split>/NNNN.parquet} (or {@code <config>/partial-<split>/} where the Hub
 *       converted only the first rows of a large split).</li>
 * </ol>
 * Files are only listed here; {@link #fetch} downloads one when its rows are needed.
 *
 * <p>Offline, a revision that llmbench never listed is listed from the Hugging Face libraries' own
 * cache when it holds a snapshot of it, so datasets downloaded with {@code datasets} or
 * {@code hf download} are found without the Hub.
 */
public final class HubDatasetFiles {

    /** The branch where the Hub keeps its Parquet conversion of every dataset it could convert. */
    public static final String PARQUET_BRANCH = "refs/convert/parquet";
    /** The branch a dataset's own files are read from. */
    public static final String MAIN = "main";

    private static final String LISTING = ".llmbench-tree.json";
    private static final String README = "README.md";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubFileFetcher fetcher;

    /**
     * The files of one split, in reading order, at one revision; not downloaded yet.
     *
     * @param repo the dataset repository
     * @param revision {@link #MAIN} or {@link #PARQUET_BRANCH}
     * @param files the paths in the repository, in the order their rows are read
     * @param rule how they were found, in a few words for the run's log
     */
    public record SplitFiles(HubRepo repo, String revision, List<String> files, String rule) {
    }

    /** Finds files through {@code fetcher}, which holds the endpoint, token, cache and offline setting. */
    public HubDatasetFiles(HubFileFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * The data files of {@code split}, by the rules above, not downloaded.
     *
     * @param config the subset ({@code hf_subset}), or {@code null} for the default one
     * @param namedFiles files the dataset's definition names for this split (empty to search)
     * @throws HubUnavailableException for a Hub that cannot be had, or {@link Reason#NOT_FOUND} when
     *     the dataset has no such split or subset (the message lists those found)
     */
    public SplitFiles splitFiles(HubRepo repo, String config, String split, List<String> namedFiles)
            throws HubUnavailableException {
        List<String> main = list(repo, MAIN);
        List<String> named = namedFiles.stream().filter(main::contains).toList();
        if (!named.isEmpty()) {
            return new SplitFiles(repo, MAIN, named, "named by the dataset's definition");
        }
        DatasetCard card = main.contains(README) ? card(repo) : DatasetCard.NONE;
        Map<String, List<String>> splits;
        String rule;
        if (!card.configs().isEmpty()) {
            DatasetCard.Config chosen = card.config(config);
            if (chosen == null) {
                throw new HubUnavailableException(Reason.NOT_FOUND, repo + " has no " + (config == null
                        ? "default subset" : "subset '" + config + "'") + " in its dataset card (subsets: "
                        + String.join(", ", card.names()) + ")");
            }
            splits = cardSplits(chosen, main);
            rule = "mapped by the dataset card's configs (" + chosen.name() + ")";
        } else {
            splits = conventionSplits(main, config);
            rule = "found by the Hub's file naming conventions" + (card.unreadable() == null ? ""
                    : " (the dataset card was not used: " + card.unreadable() + ")");
        }
        String found = SplitConventions.canonical(split, splits.keySet());
        List<String> chosen = found == null ? List.of() : splits.get(found);
        if (!chosen.isEmpty()) {
            return new SplitFiles(repo, MAIN, chosen, rule);
        }
        List<String> converted = listOrEmpty(repo, PARQUET_BRANCH);
        String subset = config != null ? config : card.config(null) != null ? card.config(null).name() : "default";
        for (String folder : List.of(subset + "/" + split + "/", subset + "/partial-" + split + "/")) {
            List<String> parquet = converted.stream()
                    .filter(p -> p.startsWith(folder) && p.endsWith(".parquet") && p.indexOf('/', folder.length()) < 0)
                    .toList();
            if (!parquet.isEmpty()) {
                return new SplitFiles(repo, PARQUET_BRANCH, parquet, "the Hub's Parquet conversion");
            }
        }
        TreeSet<String> seen = new TreeSet<>(splits.keySet());
        for (String path : converted) {
            String[] segments = path.split("/");
            if (segments.length == 3 && segments[0].equals(subset)) {
                seen.add(segments[1]);
            }
        }
        throw new HubUnavailableException(Reason.NOT_FOUND, repo + " has no split '" + split + "'"
                + (config != null ? " in subset '" + config + "'" : "")
                + (seen.isEmpty() ? "" : " (found: " + String.join(", ", seen) + ")"));
    }

    /**
     * The local path of {@code file} of {@code split}, from the cache or downloaded into it (through a
     * temporary file moved into place once complete).
     */
    public Path fetch(SplitFiles split, String file) throws HubUnavailableException {
        return fetcher.fetch(split.repo(), split.revision(), file);
    }

    /** The card's patterns of each split of {@code config}, resolved against {@code files}. */
    static Map<String, List<String>> cardSplits(DatasetCard.Config config, List<String> files) {
        String dir = config.dataDir() == null ? "" : stripSlashes(config.dataDir());
        if (config.dataFiles() == null) {
            return dir.isEmpty() ? SplitConventions.splits(files) : conventionsIn(files, dir);
        }
        Map<String, List<String>> splits = new LinkedHashMap<>();
        config.dataFiles().forEach((split, patterns) -> {
            LinkedHashSet<String> resolved = new LinkedHashSet<>();
            for (String pattern : patterns) {
                resolved.addAll(new HubGlob(dir.isEmpty() ? pattern : dir + "/" + pattern).filter(files));
            }
            splits.put(split, resolved.stream().filter(f -> TableReader.forFile(f) != null).toList());
        });
        return splits;
    }

    /**
     * The conventions' splits; for a subset, those of the folder named for it when there is one (a
     * lenient reading: without a card, {@code datasets} knows only the subset {@code default}).
     */
    static Map<String, List<String>> conventionSplits(List<String> files, String config) {
        if (config != null && files.stream().anyMatch(f -> f.startsWith(config + "/"))) {
            return conventionsIn(files, config);
        }
        return SplitConventions.splits(files);
    }

    private static Map<String, List<String>> conventionsIn(List<String> files, String dir) {
        String prefix = dir + "/";
        List<String> inside = files.stream().filter(f -> f.startsWith(prefix))
                .map(f -> f.substring(prefix.length())).toList();
        Map<String, List<String>> splits = new LinkedHashMap<>();
        SplitConventions.splits(inside).forEach((split, paths) ->
                splits.put(split, paths.stream().map(p -> prefix + p).toList()));
        return splits;
    }

    private static String stripSlashes(String dir) {
        String d = dir;
        while (d.startsWith("./")) {
            d = d.substring(2);
        }
        while (d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /**
     * The card of {@code README.md} of {@code main}; a card that cannot be had offline or cannot be
     * read leaves the naming conventions to decide (an unreadable one says why, for the log).
     */
    private DatasetCard card(HubRepo repo) throws HubUnavailableException {
        Path readme;
        try {
            readme = fetcher.fetch(repo, MAIN, README);
        } catch (HubUnavailableException e) {
            if (e.reason() == Reason.OFFLINE_NOT_CACHED || e.reason() == Reason.NOT_FOUND) {
                return DatasetCard.NONE;
            }
            throw e;
        }
        try {
            return DatasetCard.parse(Files.readString(readme, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            // The datasets library would stop here; the conventions usually still find the files, so
            // go on, but say so in the run's log.
            return DatasetCard.unreadable(e.getMessage());
        }
    }

    private List<String> listOrEmpty(HubRepo repo, String revision) throws HubUnavailableException {
        try {
            return list(repo, revision);
        } catch (HubUnavailableException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }

    /** The file paths of {@code revision}, from the cached listing or the tree API. */
    List<String> list(HubRepo repo, String revision) throws HubUnavailableException {
        Path cached = fetcher.settings().repoCacheDir(repo, revision).resolve(LISTING);
        byte[] body;
        if (Files.isRegularFile(cached)) {
            try {
                body = Files.readAllBytes(cached);
            } catch (IOException e) {
                throw new HubUnavailableException(Reason.HTTP_ERROR, "cannot read " + cached + ": " + e.getMessage());
            }
        } else if (fetcher.settings().offline() && fetcher.hfSnapshotDir(repo, revision) != null) {
            // Offline, a snapshot the Hugging Face libraries downloaded lists what is there.
            return snapshotFiles(fetcher.hfSnapshotDir(repo, revision));
        } else {
            body = merge(fetcher.apiPages(repo.apiPath() + "/tree/" + encode(revision) + "?recursive=true",
                    "the file list of " + repo + (revision.equals(MAIN) ? "" : " at " + revision)), repo);
            store(cached, body);
        }
        try {
            JsonNode tree = JSON.readTree(body);
            List<String> files = new ArrayList<>();
            for (JsonNode entry : tree) {
                if ("file".equals(entry.path("type").asText())) {
                    files.add(entry.path("path").asText());
                }
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw notJson(repo);
        }
    }

    /** The entries of every page as one JSON array, as the cache keeps it. */
    private static byte[] merge(List<byte[]> pages, HubRepo repo) throws HubUnavailableException {
        if (pages.size() == 1) {
            return pages.get(0);
        }
        com.fasterxml.jackson.databind.node.ArrayNode all = JSON.createArrayNode();
        for (byte[] page : pages) {
            try {
                JsonNode entries = JSON.readTree(page);
                if (!entries.isArray()) {
                    throw notJson(repo);
                }
                all.addAll((com.fasterxml.jackson.databind.node.ArrayNode) entries);
            } catch (IOException e) {
                throw notJson(repo);
            }
        }
        try {
            return JSON.writeValueAsBytes(all);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HubUnavailableException notJson(HubRepo repo) {
        return new HubUnavailableException(Reason.HTTP_ERROR, "the file list of " + repo + " is not the Hub's JSON");
    }

    private static List<String> snapshotFiles(Path snapshot) throws HubUnavailableException {
        try (java.util.stream.Stream<Path> walk = Files.walk(snapshot)) {
            return walk.filter(Files::isRegularFile).map(p -> snapshot.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new HubUnavailableException(Reason.HTTP_ERROR, "cannot list " + snapshot + ": " + e.getMessage());
        }
    }

    private static String encode(String revision) {
        return java.net.URLEncoder.encode(revision, StandardCharsets.UTF_8);
    }

    private static void store(Path target, byte[] body) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), LISTING, ".part");
            Files.write(temp, body);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A listing that cannot be kept is fetched again next time; nothing else depends on it.
        }
    }
}
