package io.llmbench.processor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of {@code @Endpoint}'s attributes: the values the command line's endpoint options
 * accept, and the settings that contradict the endpoint type.
 */
final class EndpointRules {

    /** {@code --connection-reuse-strategy}'s values, as AIPerf names them. */
    private static final List<String> CONNECTION_REUSE_STRATEGIES = List.of("pooled", "never", "sticky-user-sessions");

    private EndpointRules() {
    }

    /** Every problem with one written {@code @Endpoint} attribute. */
    static List<AttributeProblem> check(WrittenAttribute written) {
        Attribute attribute = written.attribute();
        switch (attribute) {
            case URLS: {
                List<AttributeProblem> problems = new ArrayList<>(
                        AttributeRules.checkList(attribute, written.strings(), null));
                for (int i = 0; i < written.strings().size(); i++) {
                    if (!isServerAddress(written.strings().get(i))) {
                        problems.add(AttributeProblem.atElement(i, ErrorMessages.URL_INVALID,
                                written.strings().get(i)));
                    }
                }
                return problems;
            }
            case MODELS: {
                List<AttributeProblem> problems = new ArrayList<>(
                        AttributeRules.checkList(attribute, written.strings(), null));
                for (int i = 0; i < written.strings().size(); i++) {
                    if (written.strings().get(i).isBlank()) {
                        problems.add(AttributeProblem.atElement(i, ErrorMessages.MODELS_BLANK));
                    }
                }
                return problems;
            }
            case MODEL_SELECTION_STRATEGY:
                return List.of("round_robin", "random").contains(written.value()) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.MODEL_SELECTION_UNKNOWN, written.value()));
            case CUSTOM_ENDPOINT: {
                String path = ((String) written.value()).strip();
                return path.isEmpty() || path.contains("://") || path.contains("?") || path.contains(" ")
                        ? List.of(AttributeProblem.whole(ErrorMessages.CUSTOM_ENDPOINT_NOT_A_PATH, written.value()))
                        : List.of();
            }
            case TEMPLATE_BODY:
                return ((String) written.value()).isBlank()
                        ? List.of(AttributeProblem.whole(ErrorMessages.TEMPLATE_BODY_BLANK)) : List.of();
            case RESPONSE_FIELD: {
                String path = (String) written.value();
                return path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")
                        || path.contains(" ")
                        ? List.of(AttributeProblem.whole(ErrorMessages.RESPONSE_FIELD_INVALID, path)) : List.of();
            }
            case HTTP2:
            case INSECURE:
            case USE_SERVER_TOKEN_COUNT:
                return oneFlag(written);
            case CONNECTION_REUSE_STRATEGY:
                return CONNECTION_REUSE_STRATEGIES.contains(written.value()) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.CONNECTION_REUSE_UNKNOWN, written.value()));
            default:
                throw new AssertionError("not an @Endpoint attribute: " + attribute);
        }
    }

    /** A flag written as an array so that "not written" differs from {@code false}: exactly one value. */
    static List<AttributeProblem> oneFlag(WrittenAttribute written) {
        String name = written.attribute().memberName();
        return written.booleans().size() == 1 ? List.of()
                : List.of(AttributeProblem.whole(ErrorMessages.ONE_FLAG_VALUE, name, written.booleans().size(),
                        name, name));
    }

    /** Contradictions between the merged endpoint settings of a class and its superclasses. */
    static void checkCombinations(Map<String, Located> merged, List<CompileError> errors) {
        Located endpointType = merged.get(Attribute.ENDPOINT_TYPE.methodName());
        if (endpointType != null && !"TEMPLATE".equals(endpointType.written().value())) {
            for (Attribute templateSetting : List.of(Attribute.TEMPLATE_BODY, Attribute.RESPONSE_FIELD)) {
                Located located = merged.get(templateSetting.methodName());
                if (located != null) {
                    String name = templateSetting.memberName();
                    errors.add(located.error(String.format(ErrorMessages.TEMPLATE_SETTING_NOT_TEMPLATE, name,
                            endpointType.written().value(), name)));
                }
            }
        }
        Located reuse = merged.get(Attribute.CONNECTION_REUSE_STRATEGY.methodName());
        Located http2 = merged.get(Attribute.HTTP2.methodName());
        if (reuse != null && !"pooled".equals(reuse.written().value()) && http2 != null
                && http2.written().booleans().equals(List.of(true))) {
            errors.add(reuse.error(String.format(ErrorMessages.CONNECTION_REUSE_WITH_HTTP2, reuse.written().value())));
        }
        Located strategy = merged.get(Attribute.MODEL_SELECTION_STRATEGY.methodName());
        Located models = merged.get(Attribute.MODELS.methodName());
        if (strategy != null && models != null && (models.written().attribute() == Attribute.MODEL
                || models.written().strings().size() < 2)) {
            errors.add(strategy.error(ErrorMessages.STRATEGY_WITH_ONE_MODEL));
        }
    }

    /** Whether {@code text} is what {@code --url} accepts: {@code host:port} or an http(s) base URL. */
    private static boolean isServerAddress(String text) {
        String url = text.strip();
        if (url.isEmpty()) {
            return false;
        }
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
