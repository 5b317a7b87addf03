package io.llmbench.runtime.dataset;

/**
 * What a synthetic entry's text starts with before its prompt, as AIPerf sends it to a chat
 * endpoint: the shared system prompt ({@code --shared-system-prompt-length}) as a {@code system}
 * message, then the entry's own context ({@code --user-context-prompt-length}) as a {@code user}
 * message, then the prompt. The entry's text keeps all three joined (so token counts and the other
 * endpoint shapes see the whole input); a chat body splits it at {@code promptStart}.
 *
 * @param system the shared system prompt, or {@code null}
 * @param userContext the entry's context prompt, or {@code null}
 * @param promptStart where the prompt itself starts in the entry's text
 */
public record ChatContext(String system, String userContext, int promptStart) {

    /** How many messages of their own the system prompt and context make in a chat body. */
    public int messageCount() {
        return (system != null ? 1 : 0) + (userContext != null ? 1 : 0);
    }

    /** The prompt itself: {@code text} without the system prompt and context it starts with. */
    public String prompt(String text) {
        return text.substring(promptStart);
    }
}
