package io.llmbench.runtime.dataset;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.file.CustomDatasetType;
import io.llmbench.runtime.dataset.file.FileDatasetLoader;
import io.llmbench.runtime.dataset.hub.PublicDatasetLoader;
import io.llmbench.runtime.dataset.hub.PublicDatasetSelection;
import io.llmbench.runtime.dataset.hub.SamplingStrategy;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.PublicDatasetSpec;
import io.llmbench.runtime.token.HubFileFetcher;
import io.llmbench.runtime.token.HubSettings;
import io.llmbench.runtime.token.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a run's {@link InputSpec} into the entries to send: the synthetic datasets
 * ({@code synthetic}: text prompts; {@code synthetic-vision}: the same plus images), the public Hub
 * datasets ({@link PublicDatasetLoader}), {@code file:<path>} datasets in AIPerf's custom formats
 * ({@code docs/input-formats.md}) and {@code inline} prompts sent as given. See
 * {@code docs/datasets.md} and {@code docs/public-datasets.md}.
 */
public final class DatasetLoader {

    private final Map<String, String> env;
    private final Consumer<String> notes;

    /** Creates a loader that reads the Hub settings from the process environment. */
    public DatasetLoader() {
        this(System.getenv());
    }

    /**
     * Creates a loader that reads {@code HF_ENDPOINT}, {@code HF_TOKEN}, {@code HF_HUB_OFFLINE} and
     * {@code LLMBENCH_CACHE} from {@code env} (tests point it at a local Hub).
     */
    public DatasetLoader(Map<String, String> env) {
        this(env, note -> { });
    }

    /**
     * A loader as above that tells {@code notes} what it did that the run's log should show (for a
     * Hub dataset: which of the split's files were read), one line each.
     */
    public DatasetLoader(Map<String, String> env, Consumer<String> notes) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.notes = Objects.requireNonNull(notes, "notes");
    }

    /**
     * The entries of {@code input.dataset()}.
     *
     * <p>{@code synthetic}: {@code input.datasetEntries()} prompts of
     * {@code input.inputTokensMean()} ± {@code input.inputTokensStddev()} tokens under
     * {@code tokenizer}, seeded by {@code input.randomSeed()}, with ids {@code synthetic-0},
     * {@code synthetic-1}, ... and {@code maxTokens} {@code -1} (the run's setting applies).
     * {@code synthetic-vision}: the same with ids {@code synthetic-vision-<i>} and one image each,
     * {@code input.imageWidthMean()} × {@code input.imageHeightMean()} pixels in
     * {@code input.imageFormat()}.
     *
     * @param tokenizer the run's tokenizer: prompt lengths are counted with it
     * @throws UserInputException for an unknown dataset name, a dataset this version cannot load
     *     yet, or settings out of range
     */
    public List<DatasetEntry> load(InputSpec input, Tokenizer tokenizer) {
        return load(input, tokenizer, -1);
    }

    /**
     * The entries of {@code input.dataset()}, as {@link #load(InputSpec, Tokenizer)}, for a run that
     * sends {@code entriesUsed} requests taking entries in order from the first ({@code -1}: not known).
     * A public dataset read in sequential order then stops reading (and fetching its split's files)
     * once it has that many entries.
     */
    public List<DatasetEntry> load(InputSpec input, Tokenizer tokenizer, int entriesUsed) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(tokenizer, "tokenizer");
        String dataset = input.dataset() == null ? "" : input.dataset().trim();
        SyntheticDataset.checkTurnsApply(input, dataset);
        if (dataset.equals(Datasets.SYNTHETIC)) {
            return input.batches().batched() ? SyntheticTextBatches.generate(input, tokenizer)
                    : synthetic(input, tokenizer, false);
        }
        if (dataset.equals(Datasets.SYNTHETIC_VISION)) {
            return synthetic(input, tokenizer, true);
        }
        if (dataset.startsWith(Datasets.FILE_PREFIX)) {
            return fromFile(input, tokenizer, dataset.substring(Datasets.FILE_PREFIX.length()));
        }
        if (dataset.equals(Datasets.AGENTIC_CODE)) {
            return AgenticCodeSessions.generate(input, tokenizer);
        }
        if (dataset.equals(InlinePrompts.NAME)) {
            return InlinePrompts.entries(input);
        }
        if (PublicDatasetLoader.loads(dataset)) {
            PublicDatasetSpec hub = input.publicDataset();
            HubSettings settings = HubSettings.fromEnvironment(env, null).withOffline(hub.offline());
            SamplingStrategy strategy = SamplingStrategy.fromCliName(hub.samplingStrategy());
            return new PublicDatasetLoader(new HubFileFetcher(settings), env, notes).load(dataset,
                    new PublicDatasetSelection(strategy == null ? SamplingStrategy.SEQUENTIAL : strategy,
                            input.randomSeed(), hub.entryLimit(), input.outputTokens(), entriesUsed), tokenizer);
        }
        if (Datasets.NAMES.contains(dataset)) {
            throw new UserInputException("dataset " + dataset + " is not supported by this version yet (see"
                    + " docs/public-datasets.md); use one of " + PublicDatasetLoader.names()
                    + " or a dataset file");
        }
        throw new UserInputException("unknown dataset '" + dataset + "'; use one of "
                + String.join(", ", Datasets.NAMES) + ", or " + Datasets.FILE_PREFIX + "<path>");
    }

    private static List<DatasetEntry> fromFile(InputSpec input, Tokenizer tokenizer, String path) {
        if (path.isBlank()) {
            throw new UserInputException("dataset file: needs a path, e.g. file:prompts.jsonl");
        }
        CustomDatasetType type = input.customDatasetType() == null ? null
                : CustomDatasetType.fromName(input.customDatasetType());
        return new FileDatasetLoader().load(Path.of(path), type, input, tokenizer);
    }

    private static List<DatasetEntry> synthetic(InputSpec input, Tokenizer tokenizer, boolean withImages) {
        return SyntheticDataset.generate(input, tokenizer, withImages);
    }
}
