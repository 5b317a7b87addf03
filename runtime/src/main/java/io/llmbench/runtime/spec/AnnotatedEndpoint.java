package io.llmbench.runtime.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes written on a class's {@code @Endpoint} (and its superclasses'), with the annotation's
 * "unset" sentinels for the others: an empty list or string, an empty array for the flags.
 *
 * @param urls the servers' base URLs as written, the first the main one
 * @param extraModels the models after the first ({@code @Endpoint(models)}); the first is
 *     {@link AnnotatedSettings#model()}
 * @param modelSelectionStrategy {@code round_robin}, {@code random} or {@code ""}
 * @param customEndpoint a path replacing the endpoint type's, or {@code ""}
 * @param templateBody the template's JSON, a file holding it, or {@code ""}
 * @param responseField the dotted path to a template endpoint's answer text, or {@code ""}
 * @param http2 one value, or none when not written
 * @param insecure one value, or none when not written
 * @param useServerTokenCount one value, or none when not written
 * @param connectionReuseStrategy {@code pooled}, {@code never}, {@code sticky-user-sessions} or {@code ""}
 */
public record AnnotatedEndpoint(List<String> urls, List<String> extraModels, String modelSelectionStrategy,
        String customEndpoint, String templateBody, String responseField, boolean[] http2, boolean[] insecure,
        boolean[] useServerTokenCount, String connectionReuseStrategy) {

    public AnnotatedEndpoint {
        urls = List.copyOf(urls);
        extraModels = List.copyOf(extraModels);
        http2 = http2.clone();
        insecure = insecure.clone();
        useServerTokenCount = useServerTokenCount.clone();
    }

    @Override
    public boolean[] http2() {
        return http2.clone();
    }

    @Override
    public boolean[] insecure() {
        return insecure.clone();
    }

    @Override
    public boolean[] useServerTokenCount() {
        return useServerTokenCount.clone();
    }

    /** Nothing written. */
    public static AnnotatedEndpoint unset() {
        return new AnnotatedEndpoint(List.of(), List.of(), "", "", "", "", new boolean[0], new boolean[0],
                new boolean[0], "");
    }

    /** Whether the flag was written {@code true}. */
    static boolean on(boolean[] flag) {
        return flag.length > 0 && flag[0];
    }

    /** The written attributes by name, each as Java source would write it. */
    Map<String, String> written() {
        Map<String, String> written = new LinkedHashMap<>();
        if (!urls.isEmpty()) {
            written.put("urls", AnnotatedSettings.quotedList(urls.toArray(String[]::new)));
        }
        putString(written, "modelSelectionStrategy", modelSelectionStrategy);
        putString(written, "customEndpoint", customEndpoint);
        putString(written, "templateBody", templateBody);
        putString(written, "responseField", responseField);
        if (http2.length > 0) {
            written.put("http2", Boolean.toString(http2[0]));
        }
        if (insecure.length > 0) {
            written.put("insecure", Boolean.toString(insecure[0]));
        }
        putString(written, "connectionReuseStrategy", connectionReuseStrategy);
        if (useServerTokenCount.length > 0) {
            written.put("useServerTokenCount", Boolean.toString(useServerTokenCount[0]));
        }
        return written;
    }

    static void putString(Map<String, String> written, String name, String value) {
        if (!value.isEmpty()) {
            written.put(name, '"' + value + '"');
        }
    }
}
