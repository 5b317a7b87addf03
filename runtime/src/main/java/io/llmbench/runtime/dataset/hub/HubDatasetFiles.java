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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Finds and fetches the data files of one split of a Hub dataset.
 *
 * <p>The files of a revision are listed with the Hub's tree API
 * ({@code GET /api/datasets/<id>/tree/<revision>?recursive=true}); the listing is kept in the cache
 * beside the files so that a later run finds them offline without a request. A split's files are,
 * in order of preference: the files the dataset's definition names; the Parquet/JSON/JSONL files of
 * {@code main} whose name or folder names the split ({@code data/val-00000-of-00001.parquet},
 * {@code val.jsonl}, {@code val/...}); else the Hub's automatic Parquet conversion, branch
 * {@code refs/convert/parquet}, laid out as {@code <config>/<split>/NNNN.parquet}.
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubFileFetcher fetcher;

    /** Finds files through {@code fetcher}, which holds the endpoint, token, cache and offline setting. */
    public HubDatasetFiles(HubFileFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * The local paths of the data files of {@code split}, downloaded when not cached, in path order.
     *
     * @param config the subset ({@code hf_subset}), or {@code null} for the default one
     * @param namedFiles files the dataset's definition names for this split (empty to search)
     * @throws HubUnavailableException for a Hub that cannot be had, or {@link Reason#NOT_FOUND} when
     *     the dataset has no such split (the message lists the splits found)
     */
    public List<Path> splitFiles(HubRepo repo, String config, String split, List<String> namedFiles)
            throws HubUnavailableException {
        List<String> main = list(repo, MAIN);
        List<String> chosen = new ArrayList<>();
        for (String named : namedFiles) {
            if (main.contains(named)) {
                chosen.add(named);
            }
        }
        if (chosen.isEmpty()) {
            chosen = matching(main, config, split);
        }
        String revision = MAIN;
        if (chosen.isEmpty()) {
            List<String> converted = listOrEmpty(repo, PARQUET_BRANCH);
            String prefix = (config == null ? "default" : config) + "/" + split + "/";
            for (String path : converted) {
                if (path.startsWith(prefix) && path.endsWith(".parquet")) {
                    chosen.add(path);
                }
            }
            revision = PARQUET_BRANCH;
            if (chosen.isEmpty()) {
                throw new HubUnavailableException(Reason.NOT_FOUND, repo + " has no split '" + split + "'"
                        + (config != null ? " in subset '" + config + "'" : "") + splitsSeen(main, converted));
            }
        }
        List<Path> paths = new ArrayList<>(chosen.size());
        for (String file : chosen) {
            paths.add(fetcher.fetch(repo, revision, file));
        }
        return paths;
    }

    /** Data files of {@code main} that belong to {@code split} (and {@code config}, when given). */
    static List<String> matching(List<String> files, String config, String split) {
        String s = split.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String path : files) {
            if (TableReader.forFile(path) == null) {
                continue;
            }
            String lower = path.toLowerCase(Locale.ROOT);
            String[] segments = lower.split("/");
            String name = segments[segments.length - 1];
            boolean inConfig = config == null || List.of(segments).subList(0, segments.length - 1)
                    .contains(config.toLowerCase(Locale.ROOT));
            boolean namesSplit = name.startsWith(s + "-") || name.startsWith(s + ".") || name.startsWith(s + "_")
                    || List.of(segments).subList(0, segments.length - 1).contains(s);
            if (inConfig && namesSplit) {
                found.add(path);
            }
        }
        return found;
    }

    private static String splitsSeen(List<String> main, List<String> converted) {
        TreeSet<String> splits = new TreeSet<>();
        for (String path : converted) {
            String[] segments = path.split("/");
            if (segments.length == 3) {
                splits.add(segments[1]);
            }
        }
        for (String path : main) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (TableReader.forFile(name) != null) {
                splits.add(name.split("[-._]", 2)[0]);
            }
        }
        return splits.isEmpty() ? "" : " (found: " + String.join(", ", splits) + ")";
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
            body = fetcher.api(repo.apiPath() + "/tree/" + encode(revision) + "?recursive=true",
                    "the file list of " + repo + (revision.equals(MAIN) ? "" : " at " + revision));
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
            throw new HubUnavailableException(Reason.HTTP_ERROR, "the file list of " + repo + " is not the Hub's JSON");
        }
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
