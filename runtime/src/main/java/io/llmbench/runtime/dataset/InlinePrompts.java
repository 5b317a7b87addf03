package io.llmbench.runtime.dataset;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.InputSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code inline} dataset: prompts given directly (repeated {@code --prompt} options), each one
 * entry sent exactly as written, in order, cycling when more requests than prompts are sent.
 */
public final class InlinePrompts {

    /** The dataset name that selects the inline prompts. */
    public static final String NAME = "inline";

    private InlinePrompts() {
    }

    /** One entry per prompt of {@code input.inlinePrompts()}, named {@code inline-0}, {@code inline-1}, ... */
    public static List<DatasetEntry> entries(InputSpec input) {
        if (input.inlinePrompts().isEmpty()) {
            throw new UserInputException("dataset inline has no prompts: give them with --prompt TEXT (repeatable)");
        }
        List<DatasetEntry> entries = new ArrayList<>();
        for (String prompt : input.inlinePrompts()) {
            entries.add(new DatasetEntry(NAME + "-" + entries.size(), prompt, List.of(), DatasetEntry.UNSET));
        }
        return List.copyOf(entries);
    }
}
