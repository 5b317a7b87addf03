package io.llmbench.runtime.dataset.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A file pattern of a dataset card or of the Hub's split conventions, matched against the paths of a
 * repository as the {@code datasets} library matches them (fsspec's glob, which since 2023.12 follows
 * Python's {@code glob}): {@code *} and {@code ?} stay inside one path segment, {@code [...]} is a
 * character class ({@code [!...]} its complement), and {@code **} standing alone as a segment spans
 * any number of folders, none included. Hidden files and folders (a name starting with a dot) and
 * folders starting with {@code __} match only when the pattern names them, and {@code README.md}
 * and the other metadata files {@code datasets} ignores never match unless named.
 *
 * @param pattern the pattern as written, relative to the repository's root
 */
record HubGlob(String pattern) {

    private static final List<String> FILES_TO_IGNORE = List.of("README.md", "config.json", "dataset_info.json",
            "dataset_infos.json", "dummy_data.zip", "dataset_dict.json");

    HubGlob {
        while (pattern.startsWith("./")) {
            pattern = pattern.substring(2);
        }
        while (pattern.startsWith("/")) {
            pattern = pattern.substring(1);
        }
    }

    /** Whether {@code path} is one of the files this pattern names. */
    boolean matches(String path) {
        if (!regex().matcher(path).matches()) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String patternName = pattern.substring(pattern.lastIndexOf('/') + 1);
        if (FILES_TO_IGNORE.contains(name) && !name.equals(patternName)) {
            return false;
        }
        return count(path, true, false) == count(pattern, true, false)
                && count(path, false, true) == count(pattern, false, true);
    }

    /** The paths of {@code files} that match, in their order. */
    List<String> filter(List<String> files) {
        List<String> matched = new ArrayList<>();
        for (String file : files) {
            if (matches(file)) {
                matched.add(file);
            }
        }
        return matched;
    }

    /** Whether the pattern holds a wildcard (a plain path names one file). */
    boolean hasWildcards() {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    private static int count(String path, boolean hidden, boolean special) {
        String[] parts = path.split("/");
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (hidden && part.startsWith(".") && !part.chars().allMatch(c -> c == '.')) {
                n++;
            }
            // Special folders count among the parents only, as datasets checks them.
            if (special && i < parts.length - 1 && part.startsWith("__")) {
                n++;
            }
        }
        return n;
    }

    private Pattern regex() {
        StringBuilder out = new StringBuilder();
        String[] segments = pattern.split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            boolean last = s == segments.length - 1;
            if (segment.equals("**")) {
                // Any number of whole segments: with a segment after it, each is followed by '/'.
                out.append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            appendSegment(segment, out);
            if (!last) {
                out.append('/');
            }
        }
        return Pattern.compile(out.toString());
    }

    private static void appendSegment(String segment, StringBuilder out) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '*') {
                out.append("[^/]*");
                while (i + 1 < segment.length() && segment.charAt(i + 1) == '*') {
                    i++;
                }
            } else if (c == '?') {
                out.append("[^/]");
            } else if (c == '[' && segment.indexOf(']', i + 2) > 0) {
                int close = segment.indexOf(']', i + 2);
                String body = segment.substring(i + 1, close);
                out.append('[');
                if (body.startsWith("!")) {
                    out.append('^');
                    body = body.substring(1);
                }
                for (char b : body.toCharArray()) {
                    if (b == '\\' || b == '[' || b == '&' || b == '^') {
                        out.append('\\');
                    }
                    out.append(b);
                }
                out.append(']');
                i = close;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
    }
}
