package io.llmbench.runtime.token;

import io.llmbench.runtime.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds the tokenizer of a run: the user's {@code --tokenizer} (a {@code tokenizer.json} file, a
 * folder holding one, or a Hub model id), else the served model's name as a Hub model id (or as a
 * local folder, as servers such as vLLM name models by their path), else the labelled
 * {@link FallbackTokenizer}.
 *
 * <p>A mistake in {@code --tokenizer} (a missing path, a folder without {@code tokenizer.json}, a
 * file that is no tokenizer) is a {@link UserInputException}; anything that keeps the model's own
 * tokenizer out of reach otherwise (offline, gated, unknown, no network) loads the fallback with a
 * one-line notice saying why and how to fix it. See {@code docs/tokenizers.md}.
 */
public final class TokenizerLoader {

    /** The file a Hugging Face tokenizer is kept in. */
    public static final String TOKENIZER_JSON = "tokenizer.json";

    // huggingface_hub's repo id rule: an optional namespace, a name of word characters, '-' and '.'.
    private static final Pattern HUB_ID = Pattern.compile("([\\w.-]{1,96}/)?[\\w.-]{1,96}");

    private final HubSettings settings;
    private final HubFileFetcher fetcher;

    /** A loader reading the process environment and using the default cache. */
    public TokenizerLoader() {
        this(System.getenv(), null);
    }

    /**
     * @param env the environment to read {@code HF_ENDPOINT}, {@code HF_TOKEN}, {@code HF_HUB_OFFLINE},
     *     {@code HF_HOME}, {@code HF_HUB_CACHE} and {@code LLMBENCH_CACHE} from
     * @param cacheRoot llmbench's cache folder, or {@code null} for {@code LLMBENCH_CACHE} or its default
     */
    public TokenizerLoader(Map<String, String> env, Path cacheRoot) {
        this(new HubFileFetcher(HubSettings.fromEnvironment(env, cacheRoot)),
                HubSettings.fromEnvironment(env, cacheRoot));
    }

    /** A loader using {@code fetcher} for Hub files. */
    public TokenizerLoader(HubFileFetcher fetcher, HubSettings settings) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Loads the tokenizer of a run.
     *
     * @param tokenizerOption the user's {@code --tokenizer}: a {@code tokenizer.json} file, a folder
     *     holding one, or a Hub model id; {@code null} or blank to use {@code model}
     * @param model the served model's name, tried as a Hub model id (or an existing local folder)
     *     when {@code tokenizerOption} is absent; may be {@code null}
     * @param hubAllowed whether {@code model} may be looked up on the Hub; {@code false} for models
     *     known not to be there (such as the mock server's), which then get the fallback without any
     *     request. An explicit {@code tokenizerOption} is always honoured.
     * @throws UserInputException if {@code tokenizerOption} names a missing path, a folder without
     *     {@code tokenizer.json}, a file that is not a tokenizer, or is neither a path nor a model id
     */
    public LoadedTokenizer load(String tokenizerOption, String model, boolean hubAllowed) {
        if (tokenizerOption != null && !tokenizerOption.isBlank()) {
            return loadOption(tokenizerOption.trim());
        }
        return loadForModel(model == null ? null : model.trim(), hubAllowed);
    }

    private LoadedTokenizer loadOption(String option) {
        // AIPerf has no "none" either; without this, "none" would be looked up as a Hub model id and the
        // run would fall back with a notice about the network rather than about the value.
        if (option.equalsIgnoreCase("none")) {
            throw new UserInputException("--tokenizer " + option + ": there is no 'none' tokenizer, as token counts "
                    + "and synthetic prompts need one; leave --tokenizer out to use the model's own (or the "
                    + "bundled " + FallbackTokenizer.ENCODING_NAME + " when it cannot be had), and add --offline "
                    + "to skip the Hub");
        }
        Path path = expandHome(option);
        if (path == null) {
            throw new UserInputException("--tokenizer " + option + ": not a valid path or Hub model id");
        }
        if (Files.exists(path)) {
            return new LoadedTokenizer(loadLocal(path, option), null);
        }
        if (looksLikePath(option) || !HUB_ID.matcher(option).matches() || option.contains("..")) {
            throw new UserInputException("--tokenizer " + option + ": no such file or folder; pass a "
                    + TOKENIZER_JSON + " file, a folder holding one, or a Hub model id such as Qwen/Qwen3-0.6B");
        }
        return fromHub(option, "--tokenizer " + option);
    }

    private LoadedTokenizer loadForModel(String model, boolean hubAllowed) {
        if (model == null || model.isEmpty()) {
            return fallback("no model name to look a tokenizer up by", "pass --tokenizer PATH_OR_HUB_ID");
        }
        Path path = expandHome(model);
        if (path != null && Files.isDirectory(path) && Files.isRegularFile(path.resolve(TOKENIZER_JSON))) {
            try {
                return new LoadedTokenizer(HfTokenizer.load(path.resolve(TOKENIZER_JSON), model), null);
            } catch (IOException e) {
                return fallback(oneLine(e.getMessage()), "pass --tokenizer PATH to a valid " + TOKENIZER_JSON);
            }
        }
        if (!hubAllowed) {
            return fallback("model " + model + " is not a Hugging Face Hub model",
                    "pass --tokenizer PATH_OR_HUB_ID for exact token counts");
        }
        if (!HUB_ID.matcher(model).matches() || model.contains("..") || model.contains("--")) {
            return fallback("model name " + model + " is not a Hub model id",
                    "pass --tokenizer PATH_OR_HUB_ID for exact token counts");
        }
        return fromHub(model, "model " + model);
    }

    private LoadedTokenizer fromHub(String modelId, String what) {
        Path file;
        try {
            file = fetcher.fetch(modelId, TOKENIZER_JSON);
        } catch (HubUnavailableException e) {
            return fallback("no tokenizer for " + what + ": " + e.getMessage(), advice(e.reason(), modelId));
        }
        try {
            return new LoadedTokenizer(HfTokenizer.load(file, modelId), null);
        } catch (IOException e) {
            return fallback(oneLine(e.getMessage()), "delete " + file + " to download it again, or pass --tokenizer PATH");
        }
    }

    private String advice(HubUnavailableException.Reason reason, String modelId) {
        String cachePath = fetcher.cachedPath(modelId, TOKENIZER_JSON).toString();
        return switch (reason) {
            case OFFLINE_NOT_CACHED -> "run once without HF_HUB_OFFLINE to cache it, put it at " + cachePath
                    + ", or pass --tokenizer PATH";
            case UNAUTHORIZED -> "if the model is gated or private, accept its terms on the Hub and set HF_TOKEN"
                    + (settings.token() != null ? " to a token that may read it" : "")
                    + "; or pass --tokenizer PATH";
            case NOT_FOUND -> "pass --tokenizer PATH or the Hub id of a model with a " + TOKENIZER_JSON;
            case NETWORK, HTTP_ERROR, TRUNCATED ->
                    "check the network or HF_ENDPOINT, set HF_HUB_OFFLINE=1 to skip the Hub,"
                    + " or pass --tokenizer PATH";
        };
    }

    private static Tokenizer loadLocal(Path path, String option) {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(TOKENIZER_JSON);
            if (!Files.isRegularFile(file)) {
                throw new UserInputException("--tokenizer " + option + ": the folder has no " + TOKENIZER_JSON
                        + "; pass the " + TOKENIZER_JSON + " file itself or a folder holding one");
            }
        }
        try {
            return HfTokenizer.load(file, option);
        } catch (IOException e) {
            throw new UserInputException("--tokenizer " + option + ": " + oneLine(e.getMessage())
                    + "; pass a Hugging Face " + TOKENIZER_JSON, e);
        }
    }

    private static LoadedTokenizer fallback(String why, String fix) {
        return new LoadedTokenizer(new FallbackTokenizer(),
                "Tokenizer: using the fallback " + FallbackTokenizer.ENCODING_NAME + ", so token counts are approximate: "
                        + why + ". To fix: " + fix + ".");
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** A relative or absolute file system path rather than a Hub id ({@code org/name}). */
    private static boolean looksLikePath(String value) {
        return value.startsWith("/") || value.startsWith(".") || value.startsWith("~")
                || value.contains("\\") || value.endsWith(".json")
                || value.chars().filter(c -> c == '/').count() > 1
                || (value.length() > 1 && value.charAt(1) == ':');
    }

    /** The path {@code value} names, with {@code ~} expanded, or {@code null} if it cannot be a path. */
    private static Path expandHome(String value) {
        if (value.equals("~")) {
            return Path.of(System.getProperty("user.home"));
        }
        if (value.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), value.substring(2));
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
