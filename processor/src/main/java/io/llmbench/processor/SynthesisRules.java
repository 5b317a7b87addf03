package io.llmbench.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of {@code @SyntheticInput}'s shaping attributes (spread, sequence mix, prefixes, images,
 * audio, conversation turns): the values the command line's synthesis options accept, and the settings that need another.
 */
final class SynthesisRules {

    private static final Set<Integer> AUDIO_DEPTHS = Set.of(8, 16, 24, 32);
    private static final List<Attribute> AUDIO_SHAPE = List.of(Attribute.AUDIO_LENGTH_STDDEV,
            Attribute.AUDIO_FORMAT, Attribute.AUDIO_SAMPLE_RATES, Attribute.AUDIO_DEPTHS,
            Attribute.AUDIO_NUM_CHANNELS, Attribute.AUDIO_BATCH_SIZE);

    private SynthesisRules() {
    }

    /** Every problem with one written shaping attribute. */
    static List<AttributeProblem> check(WrittenAttribute written) {
        Attribute attribute = written.attribute();
        switch (attribute) {
            case OUTPUT_TOKENS_STDDEV:
            case NUM_PREFIX_PROMPTS:
            case SHARED_SYSTEM_PROMPT_LENGTH:
            case USER_CONTEXT_PROMPT_LENGTH:
            case IMAGE_WIDTH_STDDEV:
            case IMAGE_HEIGHT_STDDEV:
                return AttributeRules.checkMinimum(attribute, (Integer) written.value(), 0);
            case PREFIX_PROMPT_LENGTH:
            case IMAGE_BATCH_SIZE:
            case AUDIO_BATCH_SIZE:
            case CONVERSATION_TURN_MEAN:
                return AttributeRules.checkMinimum(attribute, (Integer) written.value(), 1);
            case CONVERSATION_TURN_STDDEV:
                return AttributeRules.checkMinimum(attribute, (Integer) written.value(), 0);
            case CONVERSATION_TURN_DELAY_MEAN:
            case CONVERSATION_TURN_DELAY_STDDEV: {
                double ms = (Double) written.value();
                return ms >= 0 && Double.isFinite(ms) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.TURN_DELAY_NOT_NON_NEGATIVE,
                                attribute.memberName(), ms, attribute.memberName()));
            }
            case CONVERSATION_TURN_DELAY_RATIO: {
                double ratio = (Double) written.value();
                return ratio >= 0 && Double.isFinite(ratio) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.TURN_DELAY_RATIO_NOT_NON_NEGATIVE, ratio));
            }
            case SEQUENCE_DISTRIBUTION:
                return isSequenceDistribution((String) written.value()) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.SEQUENCE_DISTRIBUTION_INVALID, written.value()));
            case AUDIO_LENGTH_MEAN:
            case AUDIO_LENGTH_STDDEV: {
                double seconds = (Double) written.value();
                return seconds >= 0 && Double.isFinite(seconds) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.SYNTHESIS_NOT_NON_NEGATIVE,
                                attribute.memberName(), seconds, attribute.memberName(), "0"));
            }
            case AUDIO_FORMAT:
                return "wav".equals(written.value()) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.AUDIO_FORMAT_UNKNOWN, written.value()));
            case AUDIO_SAMPLE_RATES: {
                List<AttributeProblem> problems = new ArrayList<>(
                        AttributeRules.checkList(attribute, written.doubles(), null));
                for (int i = 0; i < written.doubles().size(); i++) {
                    double rate = written.doubles().get(i);
                    if (!(rate > 0) || Double.isInfinite(rate)) {
                        problems.add(AttributeProblem.atElement(i, ErrorMessages.AUDIO_SAMPLE_RATE_NOT_POSITIVE, rate));
                    }
                }
                return problems;
            }
            case AUDIO_DEPTHS: {
                List<AttributeProblem> problems = new ArrayList<>(
                        AttributeRules.checkList(attribute, written.ints(), null));
                for (int i = 0; i < written.ints().size(); i++) {
                    if (!AUDIO_DEPTHS.contains(written.ints().get(i))) {
                        problems.add(AttributeProblem.atElement(i, ErrorMessages.AUDIO_DEPTH_UNKNOWN,
                                written.ints().get(i)));
                    }
                }
                return problems;
            }
            case AUDIO_NUM_CHANNELS: {
                int channels = (Integer) written.value();
                return channels == 1 || channels == 2 ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.AUDIO_CHANNELS_UNKNOWN, channels));
            }
            default:
                throw new AssertionError("not a synthesis attribute: " + attribute);
        }
    }

    /** Settings that need another, once a class and its superclasses are merged. */
    static void checkCombinations(Map<String, Located> merged, List<CompileError> errors) {
        Located prefixLength = merged.get(Attribute.PREFIX_PROMPT_LENGTH.methodName());
        if (prefixLength != null && !merged.containsKey(Attribute.NUM_PREFIX_PROMPTS.methodName())) {
            errors.add(prefixLength.error(ErrorMessages.PREFIX_LENGTH_WITHOUT_PROMPTS));
        }
        if (!merged.containsKey(Attribute.AUDIO_LENGTH_MEAN.methodName())) {
            for (Attribute audio : AUDIO_SHAPE) {
                Located located = merged.get(audio.methodName());
                if (located != null) {
                    errors.add(located.error(String.format(ErrorMessages.AUDIO_SETTING_WITHOUT_AUDIO,
                            audio.memberName(), audio.memberName())));
                }
            }
        }
    }

    /** Whether {@code spec} is what {@code --seq-dist} accepts: {@code ISL[|SD],OSL[|SD]:PCT;...} adding up to 100. */
    static boolean isSequenceDistribution(String spec) {
        double total = 0;
        int pairs = 0;
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] lengthsAndShare = part.split(":");
            if (lengthsAndShare.length != 2) {
                return false;
            }
            String[] lengths = lengthsAndShare[0].split(",");
            if (lengths.length != 2 || !isLength(lengths[0]) || !isLength(lengths[1])) {
                return false;
            }
            double percent;
            try {
                percent = Double.parseDouble(lengthsAndShare[1].strip());
            } catch (NumberFormatException e) {
                return false;
            }
            if (!(percent > 0 && percent <= 100)) {
                return false;
            }
            total += percent;
            pairs++;
        }
        return pairs > 0 && Math.abs(total - 100) <= 0.01;
    }

    private static boolean isLength(String text) {
        String[] meanAndStddev = text.strip().split("\\|");
        try {
            return meanAndStddev.length <= 2 && Integer.parseInt(meanAndStddev[0].strip()) >= 1
                    && (meanAndStddev.length == 1 || Integer.parseInt(meanAndStddev[1].strip()) >= 0);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
