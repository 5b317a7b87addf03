package io.llmbench.runtime.dataset.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code configs:} of a dataset card: the YAML block at the top of a dataset repository's
 * {@code README.md} that maps each subset's splits to file patterns, read as the {@code datasets}
 * library reads it. A config has a {@code config_name}, optionally {@code data_dir} (its patterns
 * are relative to that folder), {@code default: true}, and {@code data_files} as one pattern, a list
 * of patterns (both the {@code train} split), or a list of {@code {split, path}} where {@code path}
 * is one pattern or a list.
 *
 * @param configs the subsets in card order (empty when the card defines none)
 * @param unreadable why the card could not be used, or {@code null} when it could (or there was none)
 */
record DatasetCard(List<Config> configs, String unreadable) {

    /**
     * One subset of the card.
     *
     * @param name its {@code config_name}
     * @param isDefault whether {@code default: true} is set
     * @param dataDir its {@code data_dir}, or {@code null}
     * @param dataFiles split to patterns in card order, or {@code null} when the card gives none
     *     (the split conventions then apply inside {@code dataDir})
     */
    record Config(String name, boolean isDefault, String dataDir, Map<String, List<String>> dataFiles) {
    }

    /** A card with no {@code configs:}. */
    static final DatasetCard NONE = new DatasetCard(List.of(), null);

    /** A card that could not be read, for {@code why}: the naming conventions decide, and the run says so. */
    static DatasetCard unreadable(String why) {
        return new DatasetCard(List.of(), why);
    }

    /**
     * The card of {@code readme}: its YAML front matter (between a first line {@code ---} and the
     * next line {@code ---}). A README without front matter, or whose front matter has no usable
     * {@code configs:}, defines no subsets.
     *
     * @throws IllegalArgumentException when {@code configs:} is there but not in the form above (the
     *     message says what was wrong)
     */
    static DatasetCard parse(String readme) {
        List<String> lines = readme.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals("---") || !lines.subList(1, lines.size()).contains("---")) {
            return NONE;
        }
        String yaml = String.join("\n", lines.subList(1, lines.subList(1, lines.size()).indexOf("---") + 1));
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("its README.md front matter is not valid YAML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("configs") instanceof List<?> list)) {
            return NONE;
        }
        List<Config> configs = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> config) || !(config.get("config_name") instanceof String name)) {
                throw new IllegalArgumentException("each entry of configs: in README.md needs a config_name");
            }
            Object dir = config.get("data_dir");
            configs.add(new Config(name, Boolean.TRUE.equals(config.get("default")),
                    dir == null ? null : String.valueOf(dir), dataFiles(name, config.get("data_files"))));
        }
        return new DatasetCard(List.copyOf(configs), null);
    }

    /**
     * The subset called {@code name}, or for {@code null} the default one ({@code default: true}, else
     * the one named {@code default}, else the only one); {@code null} when there is no such subset.
     */
    Config config(String name) {
        if (name != null) {
            return configs.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
        for (Config c : configs) {
            if (c.isDefault()) {
                return c;
            }
        }
        for (Config c : configs) {
            if (c.name().equals("default")) {
                return c;
            }
        }
        return configs.size() == 1 ? configs.get(0) : null;
    }

    /** The names of the subsets, in card order. */
    List<String> names() {
        return configs.stream().map(Config::name).toList();
    }

    private static Map<String, List<String>> dataFiles(String config, Object value) {
        if (value == null) {
            return null;
        }
        Map<String, List<String>> splits = new LinkedHashMap<>();
        if (value instanceof String pattern) {
            splits.put("train", List.of(pattern));
            return splits;
        }
        if (!(value instanceof List<?> items)) {
            throw invalid(config);
        }
        List<String> trainPatterns = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof String pattern) {
                trainPatterns.add(pattern);
            } else if (item instanceof Map<?, ?> entry && entry.get("split") != null && entry.get("path") != null) {
                splits.put(String.valueOf(entry.get("split")), patterns(config, entry.get("path")));
            } else {
                throw invalid(config);
            }
        }
        if (!trainPatterns.isEmpty()) {
            if (!splits.isEmpty()) {
                throw invalid(config);
            }
            splits.put("train", List.copyOf(trainPatterns));
        }
        return splits;
    }

    private static List<String> patterns(String config, Object path) {
        if (path instanceof String pattern) {
            return List.of(pattern);
        }
        if (path instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw invalid(config);
    }

    private static IllegalArgumentException invalid(String config) {
        return new IllegalArgumentException("the data_files of config '" + config + "' in README.md are neither a"
                + " pattern, a list of patterns, nor a list of {split, path}");
    }
}
