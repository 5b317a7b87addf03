package io.llmbench.runtime.token;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how the Hugging Face Hub is reached, read from the same environment variables the
 * Hugging Face libraries read.
 *
 * @param endpoint the Hub's base URL ({@code HF_ENDPOINT}, default {@code https://huggingface.co}),
 *     without a trailing slash
 * @param token the access token ({@code HF_TOKEN}, else the token file that {@code hf auth login}
 *     writes), or {@code null}
 * @param offline whether the Hub must not be contacted ({@code HF_HUB_OFFLINE=1})
 * @param cacheRoot llmbench's cache ({@code LLMBENCH_CACHE}, default {@code ~/.cache/llmbench});
 *     Hub files go under {@code hub/} in it
 * @param hfHubCache the Hugging Face libraries' own cache ({@code HF_HUB_CACHE}, else
 *     {@code $HF_HOME/hub}, default {@code ~/.cache/huggingface/hub}), only ever read
 */
public record HubSettings(URI endpoint, String token, boolean offline, Path cacheRoot, Path hfHubCache) {

    /** The Hub used when {@code HF_ENDPOINT} is not set. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    /**
     * Reads the settings from {@code env}; {@code cacheRoot} overrides {@code LLMBENCH_CACHE} when not
     * {@code null}.
     */
    public static HubSettings fromEnvironment(Map<String, String> env, Path cacheRoot) {
        Path home = Path.of(System.getProperty("user.home"));
        String endpoint = nonBlank(env.get("HF_ENDPOINT"));
        if (endpoint == null) {
            endpoint = DEFAULT_ENDPOINT;
        }
        while (endpoint.endsWith("/")) {
            endpoint = endpoint.substring(0, endpoint.length() - 1);
        }
        Path hfHome = pathOr(env.get("HF_HOME"), home.resolve(".cache").resolve("huggingface"));
        Path hfHubCache = pathOr(env.get("HF_HUB_CACHE"), hfHome.resolve("hub"));
        Path root = cacheRoot != null
                ? cacheRoot
                : pathOr(env.get("LLMBENCH_CACHE"), home.resolve(".cache").resolve("llmbench"));
        String token = nonBlank(env.get("HF_TOKEN"));
        if (token == null) {
            token = readTokenFile(pathOr(env.get("HF_TOKEN_PATH"), hfHome.resolve("token")));
        }
        return new HubSettings(URI.create(endpoint), token, isTrue(env.get("HF_HUB_OFFLINE")), root, hfHubCache);
    }

    /** The folder of one model's files in llmbench's cache: {@code hub/models--<org>--<name>}. */
    public Path modelCacheDir(String modelId) {
        return cacheRoot.resolve("hub").resolve(cacheFolderName(modelId));
    }

    /** The folder name the Hugging Face libraries use for a model: {@code models--<org>--<name>}. */
    static String cacheFolderName(String modelId) {
        return HubRepo.model(modelId).cacheFolderName();
    }

    /**
     * The folder of one revision of a repository in llmbench's cache:
     * {@code hub/<kind>s--<org>--<name>/<revision>} with each {@code /} of the revision as {@code --}
     * (so {@code refs/convert/parquet} is one folder). Model files of {@code main} keep the older
     * layout of {@link #modelCacheDir}.
     */
    public Path repoCacheDir(HubRepo repo, String revision) {
        return cacheRoot.resolve("hub").resolve(repo.cacheFolderName()).resolve(revision.replace("/", "--"));
    }

    /** These settings with {@code offline} forced on (the {@code --offline} flag) or left as they are. */
    public HubSettings withOffline(boolean forceOffline) {
        return forceOffline && !offline ? new HubSettings(endpoint, token, true, cacheRoot, hfHubCache) : this;
    }

    // huggingface_hub accepts 1/ON/YES/TRUE in any case as true.
    private static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        return v.equals("1") || v.equals("ON") || v.equals("YES") || v.equals("TRUE");
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Path pathOr(String value, Path otherwise) {
        String v = nonBlank(value);
        return v == null ? otherwise : Path.of(v);
    }

    private static String readTokenFile(Path file) {
        try {
            return Files.isRegularFile(file) ? nonBlank(Files.readString(file, StandardCharsets.UTF_8)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
