package io.llmbench.processor;

/**
 * The attributes of {@code @LlmBenchmark}, in declaration order, each with the shape of its value.
 * An attribute's {@link #methodName()} is both the annotation method and the
 * {@code AnnotatedSettings.Builder} setter, so the generated code calls one setter per written
 * attribute, in the order the annotation declares them.
 */
enum Attribute {
    DATASET("dataset", Kind.STRING),
    CONCURRENCY("concurrency", Kind.INT_ARRAY),
    REQUEST_COUNT("requestCount", Kind.INT),
    WARMUP_REQUEST_COUNT("warmupRequestCount", Kind.INT),
    STREAMING("streaming", Kind.BOOLEAN_ARRAY),
    ENDPOINT_TYPE("endpointType", Kind.ENUM),
    MODEL("model", Kind.STRING),
    OUTPUT_TOKENS("outputTokens", Kind.INT_ARRAY),
    INPUT_TOKENS_MEAN("inputTokensMean", Kind.INT_ARRAY),
    INPUT_TOKENS_STDDEV("inputTokensStddev", Kind.INT),
    RANDOM_SEED("randomSeed", Kind.LONG),
    GOODPUT("goodput", Kind.STRING);

    /** The Java shape of an attribute value, and the model type that carries it. */
    enum Kind {
        /** {@link String}. */
        STRING,
        /** {@link Integer}. */
        INT,
        /** {@link Long}. */
        LONG,
        /** {@code List<Integer>}. */
        INT_ARRAY,
        /** {@code List<Boolean>}. */
        BOOLEAN_ARRAY,
        /** {@link String}: the name of an {@code EndpointType} constant. */
        ENUM
    }

    private final String methodName;
    private final Kind kind;

    Attribute(String methodName, Kind kind) {
        this.methodName = methodName;
        this.kind = kind;
    }

    String methodName() {
        return methodName;
    }

    Kind kind() {
        return kind;
    }

    /** The attribute with this annotation method name, or {@code null} when there is none. */
    static Attribute named(String methodName) {
        for (Attribute attribute : values()) {
            if (attribute.methodName.equals(methodName)) {
                return attribute;
            }
        }
        return null;
    }
}
