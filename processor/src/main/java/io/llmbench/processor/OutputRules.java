package io.llmbench.processor;

import java.util.List;

/** The rules of {@code @Output}'s attributes: the values the command line's output options accept. */
final class OutputRules {

    private OutputRules() {
    }

    /** Every problem with one written {@code @Output} attribute. */
    static List<AttributeProblem> check(WrittenAttribute written) {
        switch (written.attribute()) {
            case EXPORT_LEVEL:
                return List.of("summary", "records", "raw").contains(written.value()) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.EXPORT_LEVEL_UNKNOWN, written.value()));
            case SLICE_DURATION: {
                double seconds = (Double) written.value();
                return seconds > 0 && Double.isFinite(seconds) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.SLICE_DURATION_NOT_POSITIVE, seconds));
            }
            case PLOTS:
                return EndpointRules.oneFlag(written);
            case ARTIFACT_DIR:
                return ((String) written.value()).isBlank()
                        ? List.of(AttributeProblem.whole(ErrorMessages.ARTIFACT_DIR_BLANK)) : List.of();
            default:
                throw new AssertionError("not an @Output attribute: " + written.attribute());
        }
    }
}
