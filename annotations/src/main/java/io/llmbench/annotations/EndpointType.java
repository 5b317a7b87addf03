package io.llmbench.annotations;

/** The API shape a benchmark talks to, named as AIPerf's {@code --endpoint-type}. */
public enum EndpointType {
    /** Sentinel: not set on the annotation. */
    UNSET(""),
    /** OpenAI Chat Completions, {@code /v1/chat/completions}. */
    CHAT("chat"),
    /** OpenAI Completions, {@code /v1/completions}. */
    COMPLETIONS("completions");

    private final String cliName;

    EndpointType(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in exports. */
    public String cliName() {
        return cliName;
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
