package io.llmbench.runtime.token;

import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code Link} header of a paginated answer (RFC 8288, as GitHub and the Hugging Face Hub
 * send it): {@code <https://.../tree/main?cursor=abc>; rel="next", <...>; rel="last"}.
 */
final class LinkHeader {

    private LinkHeader() {
    }

    /** The target of the link whose {@code rel} includes {@code next}, or {@code null} when there is none. */
    static String next(List<String> headerValues) {
        for (String header : headerValues) {
            int at = 0;
            while (at < header.length()) {
                int open = header.indexOf('<', at);
                if (open < 0) {
                    break;
                }
                int close = header.indexOf('>', open);
                if (close < 0) {
                    break;
                }
                // The parameters of this link run to the next link's '<' (a comma precedes it).
                int nextOpen = header.indexOf('<', close);
                String params = header.substring(close + 1, nextOpen < 0 ? header.length() : nextOpen);
                if (relationsOf(params).contains("next")) {
                    return header.substring(open + 1, close).strip();
                }
                at = close + 1;
            }
        }
        return null;
    }

    private static List<String> relationsOf(String params) {
        for (String param : params.split(";")) {
            String p = param.strip();
            int equals = p.indexOf('=');
            if (equals > 0 && p.substring(0, equals).strip().equalsIgnoreCase("rel")) {
                String value = p.substring(equals + 1).strip();
                if (value.endsWith(",")) {
                    value = value.substring(0, value.length() - 1).strip();
                }
                value = value.replace("\"", "");
                return List.of(value.toLowerCase(Locale.ROOT).split("\\s+"));
            }
        }
        return List.of();
    }
}
