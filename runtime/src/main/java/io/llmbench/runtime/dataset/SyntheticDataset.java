package io.llmbench.runtime.dataset;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.synthesis.SequenceDistribution;
import io.llmbench.runtime.dataset.synthesis.SyntheticAudioGenerator;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.token.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The {@code synthetic} and {@code synthetic-vision} datasets with AIPerf's shaping options applied:
 * per-entry output lengths ({@code --osl-stddev}), sequence-length mixes ({@code --seq-dist}), shared
 * prefixes ({@code --num-prefix-prompts}, {@code --prefix-prompt-length}), a shared system prompt and
 * a context prompt per entry, image size spread and batches, synthetic audio, and multi-turn
 * conversations ({@code --conversation-turn-*}: each entry is then a conversation of drawn turns,
 * each turn a fresh prompt, the later ones with a drawn delay). Every random choice comes from a
 * stream derived from the seed, so the same seed gives the same dataset.
 */
final class SyntheticDataset {

    private SyntheticDataset() {
    }

    /**
     * Refuses multi-turn settings ({@code --conversation-turn-*}) where they would be ignored: a dataset
     * that is not synthetic brings its own turns, and a batch of texts (embeddings, rankings) is no chat.
     */
    static void checkTurnsApply(InputSpec input, String dataset) {
        if (!input.synthesis().turns().shapesConversations()) {
            return;
        }
        if (!dataset.equals(Datasets.SYNTHETIC) && !dataset.equals(Datasets.SYNTHETIC_VISION)) {
            throw new UserInputException("--conversation-turn-* (@SyntheticInput(conversationTurn*)) shape synthetic "
                    + "conversations, but dataset " + dataset + " brings its own turns: drop them, or use the synthetic"
                    + " dataset");
        }
        if (input.batches().batched()) {
            throw new UserInputException("--conversation-turn-* (@SyntheticInput(conversationTurn*)) make chat "
                    + "conversations, which batched inputs (--prompt-batch-size, rankings) are not: drop one of them");
        }
    }

    static List<DatasetEntry> generate(InputSpec input, Tokenizer tokenizer, boolean withImages) {
        SynthesisSpec shape = input.synthesis();
        if (input.datasetEntries() < 1) {
            throw new UserInputException("--num-dataset-entries must be at least 1, got " + input.datasetEntries());
        }
        if (input.inputTokensMean() < 1 || input.inputTokensStddev() < 0) {
            throw new UserInputException("synthetic prompts need --synthetic-input-tokens-mean of at least 1 and a"
                    + " non-negative --synthetic-input-tokens-stddev; got " + input.inputTokensMean() + "±"
                    + input.inputTokensStddev());
        }
        if (shape.numPrefixPrompts() > 0 && shape.prefixPromptLength() < 1) {
            throw new UserInputException("--num-prefix-prompts " + shape.numPrefixPrompts()
                    + " needs --prefix-prompt-length of at least 1");
        }
        SequenceDistribution mix = shape.sequenceDistribution() == null ? null
                : SequenceDistribution.parse(shape.sequenceDistribution());
        // Media first: their settings are checked before the corpus is tokenized.
        SyntheticImageGenerator images = withImages
                ? new SyntheticImageGenerator(input.randomSeed(), input.imageWidthMean(), shape.imageWidthStddev(),
                        input.imageHeightMean(), shape.imageHeightStddev(), input.imageFormat())
                : null;
        SyntheticAudioGenerator audio = shape.audioLengthMean() > 0
                ? new SyntheticAudioGenerator(input.randomSeed(), shape.audioLengthMean(), shape.audioLengthStddev(),
                        shape.audioFormat(), shape.audioSampleRatesKhz(), shape.audioDepths(),
                        shape.audioNumChannels())
                : null;
        SyntheticPromptGenerator prompts = new SyntheticPromptGenerator(tokenizer, input.randomSeed());
        // Prefixes and context come from generators of their own, so that turning them on leaves the
        // prompts themselves unchanged.
        SyntheticPromptGenerator extras = new SyntheticPromptGenerator(tokenizer, input.randomSeed() ^ 0x5EED_CAFEL);
        String system = shape.sharedSystemPromptLength() > 0 ? extras.prompt(shape.sharedSystemPromptLength()) : null;
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < shape.numPrefixPrompts(); i++) {
            prefixes.add(extras.prompt(shape.prefixPromptLength()));
        }
        Random prefixChoice = SeededRandoms.derive(input.randomSeed(), "dataset.prompt.prefix");
        Random outputLengths = SeededRandoms.derive(input.randomSeed(), "dataset.output.length");
        Random mixChoice = SeededRandoms.derive(input.randomSeed(), "dataset.sequence.distribution");

        String name = withImages ? Datasets.SYNTHETIC_VISION : Datasets.SYNTHETIC;
        // One conversation per dataset entry; a conversation of one turn is a single-turn entry as before.
        ConversationTurnDraw turnDraw = new ConversationTurnDraw(shape.turns(), input.randomSeed());
        int[] turnCounts = new int[input.datasetEntries()];
        int count = 0;
        for (int c = 0; c < turnCounts.length; c++) {
            turnCounts[c] = turnDraw.nextTurnCount();
            if (turnCounts[c] > Integer.MAX_VALUE - 8 - count) {
                throw new UserInputException("--num-dataset-entries " + input.datasetEntries()
                        + " conversations of " + shape.turns().turnMean()
                        + " turns are more prompts than one run can hold: lower one of them");
            }
            count += turnCounts[c];
        }
        int[] lengths = new int[count];
        int[] maxTokens = new int[count];
        for (int i = 0; i < count; i++) {
            maxTokens[i] = DatasetEntry.UNSET;
            if (mix != null) {
                SequenceDistribution.Pair pair = mix.sample(mixChoice);
                lengths[i] = prompts.sampleLength(pair.isl(), pair.islStddev());
                maxTokens[i] = SeededRandoms.positiveNormalInt(outputLengths, pair.osl(), pair.oslStddev());
            } else {
                lengths[i] = prompts.sampleLength(input.inputTokensMean(), input.inputTokensStddev());
                if (input.outputTokens() > 0 && shape.outputTokensStddev() > 0) {
                    maxTokens[i] = SeededRandoms.positiveNormalInt(outputLengths, input.outputTokens(),
                            shape.outputTokensStddev());
                }
            }
        }
        List<String> texts = prompts.prompts(lengths);
        List<DatasetEntry> entries = new ArrayList<>(count);
        int i = 0;
        for (int c = 0; c < turnCounts.length; c++) {
            // The context belongs to the conversation: every turn starts with it, as its first did.
            String context = shape.userContextPromptLength() > 0
                    ? extras.prompt(shape.userContextPromptLength()) : null;
            for (int turn = 0; turn < turnCounts[c]; turn++, i++) {
                StringBuilder prompt = new StringBuilder();
                if (system != null) {
                    prompt.append(system).append("\n\n");
                }
                if (context != null) {
                    prompt.append(context).append("\n\n");
                }
                ChatContext chatContext = system != null || context != null
                        ? new ChatContext(system, context, prompt.length()) : null;
                // AIPerf puts a shared prefix before a conversation's first prompt only.
                if (!prefixes.isEmpty() && turn == 0) {
                    prompt.append(prefixes.get(prefixChoice.nextInt(prefixes.size()))).append(' ');
                }
                prompt.append(texts.get(i));
                List<ImageInput> attached = new ArrayList<>();
                for (int k = 0; images != null && k < Math.max(1, shape.imageBatchSize()); k++) {
                    attached.add(images.generate());
                }
                List<String> clips = new ArrayList<>();
                for (int k = 0; audio != null && k < Math.max(1, shape.audioBatchSize()); k++) {
                    clips.add(audio.generate());
                }
                long delayMs = turn == 0 ? DatasetEntry.UNSET : turnDraw.nextDelayMs();
                DatasetEntry entry = new DatasetEntry(name + "-" + c, prompt.toString(), attached, maxTokens[i],
                        List.of(), clips, null, turn, DatasetEntry.UNSET, delayMs);
                entries.add(chatContext == null ? entry : entry.withChatContext(chatContext));
            }
        }
        return List.copyOf(entries);
    }
}
