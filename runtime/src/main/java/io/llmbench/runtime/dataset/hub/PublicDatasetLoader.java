package io.llmbench.runtime.dataset.hub;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.token.HubFileFetcher;
import io.llmbench.runtime.token.HubRepo;
import io.llmbench.runtime.token.HubUnavailableException;
import io.llmbench.runtime.token.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Loads a public dataset by AIPerf's name: finds the split's files on the Hub (or in the cache),
 * reads them in order, builds one entry per usable row, then orders and limits the entries as the
 * {@link PublicDatasetSelection} says. Every failure is one {@link UserInputException} line saying
 * what went wrong and how to fix it.
 */
public final class PublicDatasetLoader {

    private final HubFileFetcher fetcher;
    private final HubDatasetFiles files;
    private final Map<String, String> env;
    private final Consumer<String> notes;

    /** A loader that reaches the Hub and the cache through {@code fetcher}; {@code spec_bench} from its usual URL. */
    public PublicDatasetLoader(HubFileFetcher fetcher) {
        this(fetcher, Map.of());
    }

    /**
     * A loader that reaches the Hub and the cache through {@code fetcher} and reads
     * {@code LLMBENCH_SPEC_BENCH_URL} (where {@code spec_bench} is downloaded from) from {@code env}.
     */
    public PublicDatasetLoader(HubFileFetcher fetcher, Map<String, String> env) {
        this(fetcher, env, note -> { });
    }

    /**
     * A loader as above that tells {@code notes} which files it read (one line each, for the run's
     * log): which of a split's files were used, and when the run needed fewer.
     */
    public PublicDatasetLoader(HubFileFetcher fetcher, Map<String, String> env, Consumer<String> notes) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.files = new HubDatasetFiles(fetcher);
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.notes = Objects.requireNonNull(notes, "notes");
    }

    /** The names of the public datasets this loader reads (from the Hub, or a URL for {@code spec_bench}). */
    public static List<String> names() {
        List<String> names = new ArrayList<>(PublicDatasets.names());
        names.add(SpecBench.NAME);
        names.addAll(SpeedBench.names());
        return List.copyOf(names);
    }

    /** Whether {@code name} is a public dataset this loader answers for. */
    public static boolean loads(String name) {
        return PublicDatasets.byName(name) != null || SpecBench.NAME.equals(name) || SpeedBench.selector(name) != null;
    }

    /** Where dataset {@code name} comes from, in a few words for the run's header. */
    public static String source(String name) {
        return SpecBench.NAME.equals(name) ? "GitHub, hemingkx/Spec-Bench"
                : SpeedBench.selector(name) != null ? "nvidia/SPEED-Bench, resolved by AIPerf" : "Hugging Face Hub";
    }

    /**
     * The entries of dataset {@code name}.
     *
     * @param tokenizer the run's tokenizer (ShareGPT's length filter counts with it)
     * @throws UserInputException for an unknown name, a Hub or cache that cannot provide the files,
     *     a damaged file, or a dataset with no usable row
     */
    public List<DatasetEntry> load(String name, PublicDatasetSelection selection, Tokenizer tokenizer) {
        SpeedBench.Selector speed = SpeedBench.selector(name);
        if (speed != null) {
            return SpeedBench.load(name, speed, selection, fetcher.settings().cacheRoot(),
                    Path.of("").toAbsolutePath());
        }
        if (SpecBench.NAME.equals(name)) {
            return loadSpecBench(selection, tokenizer);
        }
        PublicDataset dataset = PublicDatasets.byName(name);
        if (dataset == null) {
            throw new UserInputException("dataset " + name + " cannot be loaded from the Hub by this version;"
                    + " use one of " + PublicDatasets.names());
        }
        HubRepo repo = HubRepo.dataset(dataset.hubId());
        String what = "dataset " + name + " (" + dataset.hubId() + ", split " + dataset.split() + ")";
        try {
            HubDatasetFiles.SplitFiles split = files.splitFiles(repo, dataset.config(), dataset.split(),
                    dataset.files());
            ThreadLocal<ImageTranscoder> transcoders = ThreadLocal.withInitial(ImageTranscoder::new);
            RowContext context = new RowContext(tokenizer, transcoders::get,
                    path -> Files.readAllBytes(fetcher.fetch(repo, HubDatasetFiles.MAIN, path)),
                    selection.outputTokens());
            SplitSource source = new SplitSource(split.files(), file -> files.fetch(split, file));
            Loaded loaded = entries(dataset, source, context, selection, what);
            notes.accept(note(dataset, split, loaded, selection));
            if (loaded.entries().isEmpty()) {
                throw new UserInputException(what + ": no usable row in " + split.files());
            }
            return select(loaded.entries(), selection);
        } catch (HubUnavailableException e) {
            throw new UserInputException(what + ": " + e.getMessage() + advice(e, dataset));
        }
    }

    /** The files of a split in reading order, and how to have one on disk. */
    private record SplitSource(List<String> names, FileOpener opener) {
    }

    /** Has one file of a split on disk, downloading it when needed. */
    @FunctionalInterface
    private interface FileOpener {
        Path open(String name) throws HubUnavailableException;
    }

    /** The entries built, and how many of the split's files were read for them. */
    private record Loaded(List<DatasetEntry> entries, int filesRead) {
    }

    private static Loaded entries(PublicDataset dataset, SplitSource source, RowContext context,
            PublicDatasetSelection selection, String what) throws HubUnavailableException {
        int wanted = selection.rowsWanted();
        return wanted > 0 ? firstEntries(dataset, source, context, wanted, what)
                : allEntries(dataset, source, context, what);
    }

    /** The run's log line: which files were read, and which were not needed. */
    private static String note(PublicDataset dataset, HubDatasetFiles.SplitFiles split, Loaded loaded,
            PublicDatasetSelection selection) {
        int total = split.files().size();
        String revision = split.revision().equals(HubDatasetFiles.MAIN) ? "" : " at " + split.revision();
        StringBuilder note = new StringBuilder("Dataset files: ").append(dataset.hubId()).append(revision)
                .append(", split ").append(dataset.split()).append(", ").append(split.rule()).append(": ");
        List<String> read = split.files().subList(0, loaded.filesRead());
        note.append(loaded.filesRead() == total ? (total == 1 ? "1 file" : "all " + total + " files")
                : loaded.filesRead() + " of " + total + " files");
        note.append(" (").append(read.isEmpty() ? "" : read.get(0)).append(read.size() > 1 ? ", ..." : "")
                .append(")");
        if (loaded.filesRead() < total) {
            note.append("; the first ").append(selection.rowsWanted()).append(" entries were enough, the other ")
                    .append(total - loaded.filesRead()).append(total - loaded.filesRead() == 1 ? " file was" : " files were")
                    .append(" not fetched");
        }
        return note.toString();
    }

    private List<DatasetEntry> loadSpecBench(PublicDatasetSelection selection, Tokenizer tokenizer) {
        java.net.URI url = SpecBench.url(env);
        String what = "dataset " + SpecBench.NAME + " (" + url + ")";
        PublicDataset dataset = SpecBench.DATASET;
        try {
            Path path = SpecBench.fetch(fetcher, url);
            RowContext context = new RowContext(tokenizer, ImageTranscoder::new, file -> {
                throw new IOException("spec_bench rows refer to no files");
            }, selection.outputTokens());
            SplitSource source = new SplitSource(List.of(path.toString()), name -> path);
            List<DatasetEntry> entries = entries(dataset, source, context, selection, what).entries();
            if (entries.isEmpty()) {
                throw new UserInputException(what + ": no row with a non-empty first turn in " + path
                        + "; delete it to download it again");
            }
            return select(entries, selection);
        } catch (HubUnavailableException e) {
            String advice = switch (e.reason()) {
                case OFFLINE_NOT_CACHED -> "; run once without --offline and HF_HUB_OFFLINE to cache it";
                case NOT_FOUND, UNAUTHORIZED, HTTP_ERROR -> "; check " + SpecBench.URL_VARIABLE
                        + " (unset, the file AIPerf reads is used)";
                case TRUNCATED -> "; nothing incomplete was kept: run again to download it anew";
                case NETWORK -> "; check the network or " + SpecBench.URL_VARIABLE + ", or pass --offline to use"
                        + " the cache";
            };
            throw new UserInputException(what + ": " + e.getMessage() + advice);
        }
    }

    /**
     * Every row's entry, built on a small pool (one thread per core, at most 8): decoding and
     * re-encoding images is most of the work and rows are independent. Rows are read in order on
     * this thread; entries keep the rows' order.
     */
    private static Loaded allEntries(PublicDataset dataset, SplitSource source, RowContext context,
            String what) throws HubUnavailableException {
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "llmbench-dataset");
            thread.setDaemon(true);
            return thread;
        });
        // Rows wait for the pool only a few at a time: reading is faster than building, and a large
        // file (ShareGPT's 640 MB) must not be held in memory as rows.
        Semaphore inFlight = new Semaphore(threads * 16);
        try {
            List<Future<DatasetEntry>> pending = new ArrayList<>();
            int[] rowIndex = {0};
            for (String name : source.names()) {
                read(source.opener().open(name), what, row -> {
                    String id = dataset.name() + "-" + rowIndex[0]++;
                    inFlight.acquireUninterruptibly();
                    pending.add(pool.submit(() -> {
                        try {
                            return dataset.mapper().map(row, id, context);
                        } finally {
                            inFlight.release();
                        }
                    }));
                    return true;
                });
            }
            List<DatasetEntry> entries = new ArrayList<>(pending.size());
            for (int index = 0; index < pending.size(); index++) {
                DatasetEntry entry = await(pending.get(index), index, what);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            return new Loaded(entries, source.names().size());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The first {@code limit} entries, built on this thread so that reading stops as soon as they are
     * had: the rest of the file is not decoded and the split's later files are not fetched.
     */
    private static Loaded firstEntries(PublicDataset dataset, SplitSource source, RowContext context,
            int limit, String what) throws HubUnavailableException {
        List<DatasetEntry> entries = new ArrayList<>();
        int[] rowIndex = {0};
        int filesRead = 0;
        try {
            for (String name : source.names()) {
                if (entries.size() >= limit) {
                    break;
                }
                filesRead++;
                read(source.opener().open(name), what, row -> {
                    int index = rowIndex[0]++;
                    try {
                        DatasetEntry entry = dataset.mapper().map(row, dataset.name() + "-" + index, context);
                        if (entry != null) {
                            entries.add(entry);
                        }
                    } catch (IOException e) {
                        throw new UserInputException(what + ": row " + index + ": " + e.getMessage());
                    } catch (HubUnavailableException e) {
                        throw new HubFailure(e);
                    }
                    return entries.size() < limit;
                });
            }
        } catch (HubFailure e) {
            throw e.cause();
        }
        return new Loaded(entries, filesRead);
    }

    private static void read(Path path, String what, TableReader.RowSink sink) {
        TableReader reader = TableReader.forFile(path.getFileName().toString());
        try {
            reader.read(path, sink);
        } catch (IOException e) {
            throw new UserInputException(what + ": " + e.getMessage() + "; delete " + path + " to download it again");
        }
    }

    private static DatasetEntry await(Future<DatasetEntry> future, int index, String what)
            throws HubUnavailableException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException(what + ": interrupted while loading");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HubUnavailableException hub) {
                throw hub;
            }
            if (cause instanceof IOException io) {
                throw new UserInputException(what + ": row " + index + ": " + io.getMessage());
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Orders the entries (or rows) by the strategy, then keeps at most {@code limit}. */
    static <T> List<T> select(List<T> entries, PublicDatasetSelection selection) {
        List<T> ordered;
        switch (selection.strategy()) {
            case SHUFFLE -> {
                ordered = new ArrayList<>(entries);
                Collections.shuffle(ordered, new Random(selection.seed()));
            }
            case RANDOM -> {
                Random random = new Random(selection.seed());
                int count = selection.limit() > 0 ? selection.limit() : entries.size();
                ordered = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ordered.add(entries.get(random.nextInt(entries.size())));
                }
            }
            default -> ordered = entries;
        }
        if (selection.limit() > 0 && ordered.size() > selection.limit()) {
            ordered = ordered.subList(0, selection.limit());
        }
        return List.copyOf(ordered);
    }

    private String advice(HubUnavailableException e, PublicDataset dataset) {
        return switch (e.reason()) {
            case OFFLINE_NOT_CACHED -> "; run once without --offline and HF_HUB_OFFLINE to cache it (under "
                    + fetcher.settings().cacheRoot().resolve("hub") + ")";
            case UNAUTHORIZED -> dataset.gated() || fetcher.settings().token() == null
                    ? "; the dataset is gated: accept its terms on its Hub page and set HF_TOKEN to a token"
                            + (fetcher.settings().token() != null ? " that may read it" : "")
                    : "; set HF_TOKEN to a token that may read it";
            case NOT_FOUND -> "";
            case TRUNCATED -> "; nothing incomplete was kept: run again to download it anew";
            case NETWORK, HTTP_ERROR -> "; check the network or HF_ENDPOINT, or pass --offline to use the cache";
        };
    }

    /** Carries a Hub failure of a row's media out of a reader's callback. */
    private static final class HubFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HubFailure(HubUnavailableException cause) {
            super(cause);
        }

        HubUnavailableException cause() {
            return (HubUnavailableException) getCause();
        }
    }
}
