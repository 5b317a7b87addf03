package io.llmbench.runtime.dataset.hub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The split of each data file of a repository whose card maps none, by the naming conventions the
 * {@code datasets} library applies ({@code data_files.py}), first rule that finds anything wins:
 * <ol>
 *   <li>sharded files {@code data/<split>-NNNNN-of-NNNNN*.*}: any split name;</li>
 *   <li>a folder named for a split keyword, or starting or ending with it next to a separator
 *       ({@code -}, {@code .}, {@code _}, space, digit): {@code train/}, {@code data/dev-set/};</li>
 *   <li>a file name likewise: {@code train.jsonl}, {@code my_test_file.parquet}, {@code val1.json};</li>
 *   <li>otherwise every data file is {@code train}.</li>
 * </ol>
 * The keywords are {@code train}, {@code training} for {@code train}; {@code validation},
 * {@code valid}, {@code dev}, {@code val} for {@code validation}; {@code test}, {@code testing},
 * {@code eval}, {@code evaluation} for {@code test}. Only files a {@link TableReader} reads count.
 */
final class SplitConventions {

    private static final String SEP = "[-._ 0-9]";
    private static final Pattern SHARDED = Pattern.compile("data/([^/]+)-[0-9]{5}-of-[0-9]{5}[^/]*\\.[^/]*");
    private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put("train", List.of("train", "training"));
        KEYWORDS.put("validation", List.of("validation", "valid", "dev", "val"));
        KEYWORDS.put("test", List.of("test", "testing", "eval", "evaluation"));
    }

    private SplitConventions() {
    }

    /** Split name to the data files of {@code files} in it (in path order), by the rules above. */
    static Map<String, List<String>> splits(List<String> files) {
        List<String> data = files.stream().filter(f -> TableReader.forFile(f) != null).toList();
        Map<String, List<String>> splits = new LinkedHashMap<>();
        TreeSet<String> sharded = new TreeSet<>();
        for (String file : data) {
            Matcher m = SHARDED.matcher(file);
            if (m.matches()) {
                sharded.add(m.group(1));
            }
        }
        if (!sharded.isEmpty()) {
            // Train, validation and test first, the others by name, as datasets orders them.
            for (String split : KEYWORDS.keySet()) {
                if (sharded.remove(split)) {
                    splits.put(split, shards(data, split));
                }
            }
            for (String split : sharded) {
                splits.put(split, shards(data, split));
            }
            return splits;
        }
        for (boolean inFolder : new boolean[] {true, false}) {
            for (Map.Entry<String, List<String>> split : KEYWORDS.entrySet()) {
                List<String> matched = data.stream()
                        .filter(f -> split.getValue().stream().anyMatch(k -> keywordPatterns(k, inFolder).stream()
                                .anyMatch(p -> p.matches(f))))
                        .toList();
                if (!matched.isEmpty()) {
                    splits.put(split.getKey(), matched);
                }
            }
            if (!splits.isEmpty()) {
                return splits;
            }
        }
        if (!data.isEmpty()) {
            splits.put("train", data.stream().filter(f -> new HubGlob("**").matches(f)).toList());
        }
        return splits;
    }

    /**
     * The split {@code requested} stands for among {@code found}: itself, else the split whose keyword
     * it is ({@code val} and {@code dev} stand for {@code validation}), else {@code null}.
     */
    static String canonical(String requested, Iterable<String> found) {
        for (String split : found) {
            if (split.equals(requested)) {
                return split;
            }
        }
        String lower = requested.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> split : KEYWORDS.entrySet()) {
            if (split.getValue().contains(lower)) {
                for (String f : found) {
                    if (f.equals(split.getKey())) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    private static List<String> shards(List<String> data, String split) {
        return data.stream().filter(f -> {
            Matcher m = SHARDED.matcher(f);
            return m.matches() && m.group(1).equals(split);
        }).toList();
    }

    private static List<HubGlob> keywordPatterns(String keyword, boolean inFolder) {
        if (inFolder) {
            return List.of(new HubGlob("**/" + keyword + "/**"), new HubGlob("**/" + keyword + SEP + "*/**"),
                    new HubGlob("**/*" + SEP + keyword + "/**"), new HubGlob("**/*" + SEP + keyword + SEP + "*/**"));
        }
        return List.of(new HubGlob("**/" + keyword + SEP + "*"), new HubGlob("**/*" + SEP + keyword + SEP + "*"));
    }
}
