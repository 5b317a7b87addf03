package io.llmbench.runtime.token;

import java.util.Objects;

/**
 * A repository on the Hugging Face Hub: a model or a dataset.
 *
 * @param kind whether it holds a model or a dataset
 * @param id its id, {@code <namespace>/<name>} (or a bare legacy name)
 */
public record HubRepo(Kind kind, String id) {

    /** What a repository holds, which decides its URLs and its cache folder. */
    public enum Kind {
        /** A model: {@code <endpoint>/<id>/resolve/...}, cached as {@code models--<org>--<name>}. */
        MODEL("", "models"),
        /** A dataset: {@code <endpoint>/datasets/<id>/resolve/...}, cached as {@code datasets--<org>--<name>}. */
        DATASET("datasets/", "datasets");

        private final String urlPrefix;
        private final String plural;

        Kind(String urlPrefix, String plural) {
            this.urlPrefix = urlPrefix;
            this.plural = plural;
        }
    }

    public HubRepo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** A model repository. */
    public static HubRepo model(String id) {
        return new HubRepo(Kind.MODEL, id);
    }

    /** A dataset repository. */
    public static HubRepo dataset(String id) {
        return new HubRepo(Kind.DATASET, id);
    }

    /** The path of the repository below the endpoint: {@code <id>} or {@code datasets/<id>}. */
    public String urlPath() {
        return kind.urlPrefix + id;
    }

    /** The path of the Hub's API for the repository: {@code api/models/<id>} or {@code api/datasets/<id>}. */
    public String apiPath() {
        return "api/" + kind.plural + "/" + id;
    }

    /** The folder name the Hugging Face libraries use: {@code models--<org>--<name>} or {@code datasets--...}. */
    public String cacheFolderName() {
        return kind.plural + "--" + id.replace("/", "--");
    }

    @Override
    public String toString() {
        return kind == Kind.DATASET ? "dataset " + id : "model " + id;
    }
}
