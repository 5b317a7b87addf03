package io.llmbench.processor;

import io.llmbench.annotations.Datasets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contradictions of {@code @Batch} and {@code @PublicDataset} with the benchmark's endpoint type and
 * dataset, as the command line refuses them; each reported at the value that has to go.
 */
final class BatchRules {

    private static final Set<String> RANKINGS_TYPES = Set.of("NIM_RANKINGS", "HF_TEI_RANKINGS", "COHERE_RANKINGS");
    private static final List<Attribute> RANKINGS = List.of(Attribute.RANKINGS_PASSAGES_MEAN,
            Attribute.RANKINGS_PASSAGES_STDDEV, Attribute.RANKINGS_PASSAGE_TOKENS_MEAN,
            Attribute.RANKINGS_PASSAGE_TOKENS_STDDEV, Attribute.RANKINGS_QUERY_TOKENS_MEAN,
            Attribute.RANKINGS_QUERY_TOKENS_STDDEV);

    private BatchRules() {
    }

    static void checkCombinations(Map<String, Located> merged, List<CompileError> errors) {
        Located endpointType = merged.get(Attribute.ENDPOINT_TYPE.methodName());
        if (endpointType != null) {
            String type = (String) endpointType.written().value();
            Located batch = merged.get(Attribute.PROMPT_BATCH_SIZE.methodName());
            if (batch != null && (Integer) batch.written().value() > 1 && !"EMBEDDINGS".equals(type)) {
                errors.add(batch.error(String.format(ErrorMessages.BATCH_NOT_EMBEDDINGS, type)));
            }
            if (!RANKINGS_TYPES.contains(type)) {
                for (Attribute rankings : RANKINGS) {
                    Located located = merged.get(rankings.methodName());
                    if (located != null) {
                        errors.add(located.error(String.format(ErrorMessages.RANKINGS_NOT_RANKINGS,
                                rankings.memberName(), type, rankings.memberName())));
                    }
                }
            }
        }
        Located dataset = merged.get(Attribute.DATASET.methodName());
        if (dataset != null) {
            String name = (String) dataset.written().value();
            if (name.equals(Datasets.SYNTHETIC) || name.equals(Datasets.SYNTHETIC_VISION)
                    || name.startsWith(Datasets.FILE_PREFIX)) {
                // offline also keeps the tokenizer from the Hub, so it applies to every dataset.
                Located strategy = merged.get(Attribute.SAMPLING_STRATEGY.methodName());
                if (strategy != null) {
                    errors.add(strategy.error(String.format(ErrorMessages.PUBLIC_DATASET_SETTING_NOT_PUBLIC,
                            "samplingStrategy", name, "samplingStrategy")));
                }
            }
        }
    }
}
