package io.llmbench.runtime.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SyntheticShapingTest {

    private static final Tokenizer TOKENIZER = new FallbackTokenizer();

    private static SynthesisSpec shape(int oslStddev, String seqDist, int prefixes, int prefixLength, int system,
            int context, int widthStddev, int imageBatch, double audioSeconds, String audioFormat) {
        return new SynthesisSpec(oslStddev, seqDist, 0, prefixes, prefixLength, system, context, widthStddev, 0,
                imageBatch, audioSeconds, 0, audioFormat, List.of(8.0, 16.0), List.of(16), 1, 1);
    }

    private static List<DatasetEntry> load(String dataset, int isl, int osl, int entries, SynthesisSpec shape) {
        return new DatasetLoader().load(new InputSpec(dataset, isl, 0, osl, 7L, entries, 64, 48, "png", null, null,
                shape, List.of()), TOKENIZER);
    }

    @Test
    void outputLengthStddevGivesEachEntryItsOwnMaxTokensAroundTheMean() {
        List<DatasetEntry> entries = load(Datasets.SYNTHETIC, 32, 200, 400,
                shape(40, null, 0, 0, 0, 0, 0, 1, 0, "wav"));

        double mean = entries.stream().mapToInt(DatasetEntry::maxTokens).average().orElseThrow();
        double variance = entries.stream().mapToDouble(e -> Math.pow(e.maxTokens() - mean, 2)).average().orElseThrow();
        assertTrue(Math.abs(mean - 200) < 8, "mean " + mean);
        assertTrue(Math.abs(Math.sqrt(variance) - 40) < 6, "stddev " + Math.sqrt(variance));
    }

    @Test
    void sequenceDistributionMixesLengthPairsByTheirPercentages() {
        List<DatasetEntry> entries = load(Datasets.SYNTHETIC, 999, -1, 200,
                shape(0, "16,8:75;64,32:25", 0, 0, 0, 0, 0, 1, 0, "wav"));

        Map<Integer, Integer> byOutput = new HashMap<>();
        for (DatasetEntry entry : entries) {
            byOutput.merge(entry.maxTokens(), 1, Integer::sum);
            int expectedInput = entry.maxTokens() == 8 ? 16 : 64;
            assertTrue(Math.abs(TOKENIZER.count(entry.text()) - expectedInput) <= 2, entry.text());
        }
        assertEquals(Set.of(8, 32), byOutput.keySet());
        assertTrue(Math.abs(byOutput.get(8) - 150) < 25, "75% of 200: " + byOutput);
        assertTrue(assertThrows(UserInputException.class, () -> load(Datasets.SYNTHETIC, 10, -1, 1,
                shape(0, "16,8:75;64,32:20", 0, 0, 0, 0, 0, 1, 0, "wav"))).getMessage().contains("add up to 95"));
    }

    @Test
    void prefixPromptsAreSharedAmongEntriesAndTheSystemPromptByAll() {
        List<DatasetEntry> entries = load(Datasets.SYNTHETIC, 24, -1, 30, shape(0, null, 3, 40, 20, 0, 0, 1, 0, "wav"));

        String system = entries.get(0).text().substring(0, entries.get(0).text().indexOf("\n\n"));
        assertTrue(Math.abs(TOKENIZER.count(system) - 20) <= 2);
        Set<String> prefixes = new HashSet<>();
        for (DatasetEntry entry : entries) {
            assertTrue(entry.text().startsWith(system + "\n\n"), "every entry starts with the system prompt");
            String rest = entry.text().substring(system.length() + 2);
            int[] tokens = TOKENIZER.encode(rest);
            prefixes.add(TOKENIZER.decode(java.util.Arrays.copyOf(tokens, 30)));
            assertTrue(Math.abs(tokens.length - 64) <= 3, "prefix 40 + prompt 24 tokens: " + tokens.length);
        }
        assertEquals(3, prefixes.size(), "30 entries start with one of 3 prefixes");
    }

    @Test
    void visionImagesComeInBatchesWithSpreadSizes() throws Exception {
        List<DatasetEntry> entries = load(Datasets.SYNTHETIC_VISION, 8, -1, 6, shape(0, null, 0, 0, 0, 0, 20, 2, 0, "wav"));

        Set<Integer> widths = new HashSet<>();
        for (DatasetEntry entry : entries) {
            assertEquals(2, entry.images().size());
            for (ImageInput image : entry.images()) {
                String url = image.dataUrl();
                widths.add(ImageIO.read(new ByteArrayInputStream(
                        Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)))).getWidth());
            }
        }
        assertTrue(widths.size() > 3, "widths vary around 64: " + widths);
    }

    @Test
    void audioIsAPlayableWavOfTheRequestedLengthAndMp3IsRefusedClearly() {
        List<DatasetEntry> entries = load(Datasets.SYNTHETIC, 8, -1, 4, shape(0, null, 0, 0, 0, 0, 0, 1, 0.5, "wav"));

        for (DatasetEntry entry : entries) {
            String clip = entry.audios().get(0);
            assertTrue(clip.startsWith("data:audio/wav;base64,"));
            ByteBuffer wav = ByteBuffer.wrap(Base64.getDecoder().decode(clip.substring(clip.indexOf(',') + 1)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            assertEquals("RIFF", new String(wav.array(), 0, 4));
            int sampleRate = wav.getInt(24);
            int dataBytes = wav.getInt(40);
            assertTrue(sampleRate == 8000 || sampleRate == 16000, "rate " + sampleRate);
            assertEquals(0.5, dataBytes / 2.0 / sampleRate, 0.001, "seconds of 16-bit mono");
        }
        UserInputException mp3 = assertThrows(UserInputException.class,
                () -> load(Datasets.SYNTHETIC, 8, -1, 1, shape(0, null, 0, 0, 0, 0, 0, 1, 0.5, "mp3")));
        assertTrue(mp3.getMessage().contains("use --audio-format wav"), mp3.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameShapedDataset() {
        SynthesisSpec shape = shape(10, null, 2, 16, 8, 8, 0, 1, 0.05, "wav");
        assertEquals(load(Datasets.SYNTHETIC, 24, 50, 5, shape), load(Datasets.SYNTHETIC, 24, 50, 5, shape));
    }

    @Test
    void batchGenerationGivesExactlyThePromptsOfOneByOneGeneration() {
        int[] lengths = {5, 40, 1, 300, 17, 64};
        SyntheticPromptGenerator batch = new SyntheticPromptGenerator(TOKENIZER, 99L);
        SyntheticPromptGenerator single = new SyntheticPromptGenerator(TOKENIZER, 99L);

        List<String> made = batch.prompts(lengths);

        for (int i = 0; i < lengths.length; i++) {
            assertEquals(single.prompt(lengths[i]), made.get(i), "prompt " + i);
        }
    }

    @Test
    void batchHashIdPromptsMatchOneByOneAndPlainPromptsKeepTheirOrder() {
        List<int[]> ids = java.util.Arrays.asList(new int[] {1, 2}, null, new int[] {2, 1, 3}, new int[0]);
        int[] lengths = {30, 12, 40, 9};
        SyntheticPromptGenerator batch = new SyntheticPromptGenerator(TOKENIZER, 5L);
        SyntheticPromptGenerator single = new SyntheticPromptGenerator(TOKENIZER, 5L);

        List<String> made = batch.hashIdPrompts(ids, lengths, 16);

        for (int i = 0; i < lengths.length; i++) {
            assertEquals(single.hashIdPrompt(ids.get(i), lengths[i], 16), made.get(i), "request " + i);
        }
    }
}
