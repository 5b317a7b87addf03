package io.llmbench.runtime.dataset;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.token.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The {@code agentic-code} dataset: synthetic coding-agent sessions in the layered shape of AIPerf's
 * agentic code generator. Every session's first prompt is a global prefix shared by all sessions
 * (tools and system prompt, "L1"), a repository context shared by the sessions of its group ("L1.5"),
 * and a starting context of its own ("L2"); each later turn repeats the whole previous prompt, a
 * stand-in for the previous answer of that turn's output length, and new tokens ("L3"), so the context
 * grows turn by turn until the turn count or the context limit ends the session.
 *
 * <p>Prompts are built from hash-id blocks ({@link SyntheticPromptGenerator#hashIdPrompt}) so that
 * shared layers are identical text; unlike a Mooncake trace, which carries only the new tokens of a
 * turn, each entry here holds its whole context and is sent as it is (self-contained: the run adds no
 * history before it). Sizes in
 * tokens: L1 {@code --shared-system-prompt-length} (default 1,000), L1.5
 * {@code --prefix-prompt-length} (default 500) in {@code --num-prefix-prompts} groups (default 4),
 * L2 {@code --user-context-prompt-length} (default {@code --isl}), new tokens per turn
 * N({@code --isl}/2, {@code --isl-stddev}), outputs N({@code --osl} (default 200),
 * {@code --osl-stddev}), 2 to 8 turns per session, at most 32,768 context tokens, and a delay between
 * turns of N(3 s, 1.5 s), at least 100 ms. {@code --num-dataset-entries} is the number of sessions.
 */
final class AgenticCodeSessions {

    static final int BLOCK = 64;
    static final int MAX_CONTEXT = 32_768;
    static final int MIN_TURNS = 2;
    static final int MAX_TURNS = 8;

    private AgenticCodeSessions() {
    }

    static List<DatasetEntry> generate(InputSpec input, Tokenizer tokenizer) {
        SynthesisSpec shape = input.synthesis();
        if (input.datasetEntries() < 1 || input.inputTokensMean() < 2) {
            throw new UserInputException("agentic-code needs --num-dataset-entries (sessions) ≥ 1 and --isl ≥ 2; got "
                    + input.datasetEntries() + " and " + input.inputTokensMean());
        }
        int global = shape.sharedSystemPromptLength() > 0 ? shape.sharedSystemPromptLength() : 1_000;
        int groupLength = shape.prefixPromptLength() > 0 ? shape.prefixPromptLength() : 500;
        int groups = shape.numPrefixPrompts() > 0 ? shape.numPrefixPrompts() : 4;
        int start = shape.userContextPromptLength() > 0 ? shape.userContextPromptLength() : input.inputTokensMean();
        int osl = input.outputTokens() > 0 ? input.outputTokens() : 200;

        SyntheticPromptGenerator prompts = new SyntheticPromptGenerator(tokenizer, input.randomSeed());
        Random random = SeededRandoms.derive(input.randomSeed(), "dataset.agentic-code");
        List<DatasetEntry> entries = new ArrayList<>();
        int nextPrivateId = 0;
        for (int session = 0; session < input.datasetEntries(); session++) {
            int group = random.nextInt(groups);
            List<Integer> ids = new ArrayList<>();
            // Hash-id ranges per layer: 0.. global, 1M.. per group, 2M.. private blocks of sessions.
            addBlocks(ids, 0, global);
            addBlocks(ids, 1_000_000 + group * 10_000, groupLength);
            int context = blocks(global) * BLOCK + blocks(groupLength) * BLOCK;
            int privateTokens = start;
            int turns = MIN_TURNS + random.nextInt(MAX_TURNS - MIN_TURNS + 1);
            String conversation = Datasets.AGENTIC_CODE + "-" + session;
            for (int turn = 0; turn < turns; turn++) {
                int blocks = blocks(privateTokens);
                for (int b = 0; b < blocks; b++) {
                    ids.add(2_000_000 + nextPrivateId++);
                }
                context += blocks * BLOCK;
                if (context > MAX_CONTEXT && turn > 0) {
                    break;
                }
                int maxTokens = SeededRandoms.positiveNormalInt(random, osl, shape.outputTokensStddev());
                long delay = turn == 0 ? DatasetEntry.UNSET : Math.max(100, Math.round(3000 + 1500 * random.nextGaussian()));
                String text = prompts.hashIdPrompt(ids.stream().mapToInt(Integer::intValue).toArray(), context, BLOCK);
                entries.add(new DatasetEntry(conversation, text, List.of(), maxTokens, List.of(), List.of(), null, turn,
                        turn == 0 ? 0 : DatasetEntry.UNSET, delay).asSelfContained());
                // The next turn carries this turn's answer and the user's new input.
                privateTokens = maxTokens + prompts.sampleLength(Math.max(1, input.inputTokensMean() / 2),
                        input.inputTokensStddev());
            }
        }
        return List.copyOf(entries);
    }

    private static int blocks(int tokens) {
        return (tokens + BLOCK - 1) / BLOCK;
    }

    private static void addBlocks(List<Integer> ids, int first, int tokens) {
        for (int b = 0; b < blocks(tokens); b++) {
            ids.add(first + b);
        }
    }
}
