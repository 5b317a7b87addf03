package io.llmbench.runtime.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code @RequestOptions(headers)} entries ({@code "Name:value"}, checked at compile time) as a map. */
final class AnnotatedHeaders {

    private AnnotatedHeaders() {
    }

    static Map<String, String> parse(String[] entries) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            headers.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
        }
        return headers;
    }
}
