package io.llmbench.processor;

/**
 * A valid hook method of a benchmark class.
 *
 * @param kind which hook
 * @param methodName the method's name
 * @param signature the index of the matched signature in {@link HookKind#signatures()}
 */
record HookMethod(HookKind kind, String methodName, int signature) {

    /** How many parameters the method takes. */
    int parameterCount() {
        return kind.signatures().get(signature).size() - 1;
    }

    /** Whether its return type is the second {@code @CustomDataset} shape, a list of prompts. */
    boolean returnsPrompts() {
        return kind == HookKind.CUSTOM_DATASET && signature == 1;
    }
}
