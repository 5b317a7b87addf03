package io.llmbench.processor;

import io.llmbench.annotations.Datasets;
import io.llmbench.annotations.SloMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Settings that are each valid but contradict each other once a class and its superclasses are
 * merged; each is reported at the value that has to go.
 */
final class CombinationRules {

    private static final Set<String> SYNTHETIC_SETTINGS = Set.of("inputTokensMean", "inputTokensStddev",
            "datasetEntries", "imageWidthMean", "imageHeightMean", "imageFormat", "imageWidthStddev",
            "imageHeightStddev", "imageBatchSize", "conversationTurnMean", "conversationTurnStddev",
            "conversationTurnDelayMean", "conversationTurnDelayStddev", "conversationTurnDelayRatio");
    private static final Set<String> IMAGE_SETTINGS = Set.of("imageWidthMean", "imageHeightMean", "imageFormat",
            "imageWidthStddev", "imageHeightStddev", "imageBatchSize");

    private CombinationRules() {
    }

    /** @param merged the winning attribute per setter name */
    static void check(Map<String, Located> merged, List<SloModel> slos, List<HookMethod> hooks, TypeElement type,
            AnnotationMirror mirror, List<CompileError> errors) {
        boolean customDataset = hooks.stream().anyMatch(h -> h.kind() == HookKind.CUSTOM_DATASET);
        String customMethod = hooks.stream().filter(h -> h.kind() == HookKind.CUSTOM_DATASET)
                .map(HookMethod::methodName).findFirst().orElse("");
        Located dataset = merged.get("dataset");
        if (customDataset && dataset != null) {
            errors.add(dataset.error(String.format(ErrorMessages.DATASET_AND_CUSTOM_DATASET,
                    dataset.written().value(), customMethod)));
        }
        Located prompts = merged.get(Attribute.PROMPTS.methodName());
        if (prompts != null && dataset != null) {
            errors.add(prompts.error(String.format(ErrorMessages.PROMPTS_AND_DATASET, dataset.written().value())));
        }
        if (prompts != null && customDataset) {
            errors.add(prompts.error(String.format(ErrorMessages.PROMPTS_AND_CUSTOM_DATASET, customMethod)));
        }
        String datasetName = dataset == null ? null : (String) dataset.written().value();
        for (Located located : merged.values()) {
            String setting = located.written().attribute().methodName();
            String member = located.written().attribute().memberName();
            if (!SYNTHETIC_SETTINGS.contains(setting)) {
                continue;
            }
            if (customDataset) {
                errors.add(located.error(String.format(ErrorMessages.SYNTHETIC_SETTING_CUSTOM_DATASET, member, member)));
            } else if (datasetName != null && !datasetName.equals(Datasets.SYNTHETIC)
                    && !datasetName.equals(Datasets.SYNTHETIC_VISION)) {
                errors.add(located.error(String.format(ErrorMessages.SYNTHETIC_SETTING_NOT_SYNTHETIC, member,
                        datasetName, member)));
            } else if (Datasets.SYNTHETIC.equals(datasetName) && IMAGE_SETTINGS.contains(setting)) {
                errors.add(located.error(String.format(ErrorMessages.IMAGE_SETTING_TEXT_ONLY, member, member)));
            }
        }
        LoadRules.checkCombinations(merged, errors);
        SessionLoadRules.checkCombinations(merged, errors);
        ProfileRunRules.checkCombinations(merged, errors);
        EndpointRules.checkCombinations(merged, errors);
        SynthesisRules.checkCombinations(merged, errors);
        BatchRules.checkCombinations(merged, errors);
        InputFileRules.checkCombinations(merged, errors);
        Located streaming = merged.get("streaming");
        if (streaming != null && !streaming.written().booleans().contains(Boolean.TRUE)) {
            List<String> streamingOnly = new ArrayList<>();
            for (SloModel slo : slos) {
                if (SloMetrics.STREAMING_ONLY.contains(slo.metric()) && !streamingOnly.contains(slo.metric())) {
                    streamingOnly.add(slo.metric());
                }
            }
            Located goodput = merged.get("goodput");
            if (goodput != null) {
                for (String pair : ((String) goodput.written().value()).trim().split("\\s+")) {
                    String tag = pair.contains(":") ? pair.substring(0, pair.indexOf(':')) : pair;
                    if (SloMetrics.STREAMING_ONLY.contains(tag) && !streamingOnly.contains(tag)) {
                        streamingOnly.add(tag);
                    }
                }
            }
            if (!streamingOnly.isEmpty()) {
                errors.add(streaming.error(String.format(ErrorMessages.STREAMING_ONLY_SLO, streamingOnly)));
            }
        }
    }
}
