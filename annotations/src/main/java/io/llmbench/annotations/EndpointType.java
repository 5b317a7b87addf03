package io.llmbench.annotations;

/** The API shape a benchmark talks to, named as AIPerf's {@code --endpoint-type}. */
public enum EndpointType {
    /** Sentinel: not set on the annotation. */
    UNSET(""),
    /** OpenAI Chat Completions, {@code /v1/chat/completions}. */
    CHAT("chat"),
    /** OpenAI Completions, {@code /v1/completions}. */
    COMPLETIONS("completions"),
    /** OpenAI Embeddings, {@code /v1/embeddings} (no output tokens: latency and throughput only). */
    EMBEDDINGS("embeddings"),
    /** NVIDIA NIM reranking, {@code /v1/ranking}. */
    NIM_RANKINGS("nim_rankings"),
    /** Hugging Face Text Embeddings Inference reranking, {@code /rerank}. */
    HF_TEI_RANKINGS("hf_tei_rankings"),
    /** Cohere Rerank v2, {@code /v2/rerank}. */
    COHERE_RANKINGS("cohere_rankings"),
    /** OpenAI Responses, {@code /v1/responses}, with its typed stream events. */
    RESPONSES("responses"),
    /** Anthropic Messages, {@code /v1/messages}, with its typed stream events. */
    MESSAGES("messages"),
    /** Hugging Face TGI, {@code /generate} and {@code /generate_stream}. */
    HUGGINGFACE_GENERATE("huggingface_generate"),
    /** A user's JSON body template ({@code --endpoint-template}) and response path ({@code --response-field}). */
    TEMPLATE("template");

    private final String cliName;

    EndpointType(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in exports. */
    public String cliName() {
        return cliName;
    }

    /**
     * Whether the API generates text (and so has tokens, TTFT and streaming); embeddings and
     * rankings do not.
     */
    public boolean isGenerative() {
        return switch (this) {
            case EMBEDDINGS, NIM_RANKINGS, HF_TEI_RANKINGS, COHERE_RANKINGS -> false;
            default -> true;
        };
    }

    /** The endpoint type with this command-line name, or {@code null} when there is none. */
    public static EndpointType fromCliName(String name) {
        for (EndpointType type : values()) {
            if (type != UNSET && type.cliName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
