package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.BenchmarkDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The benchmarks the annotation processor generated, found through their {@link ServiceLoader}
 * index, in name order.
 */
final class BenchmarkCatalog {

    private final List<BenchmarkDefinition> definitions;

    private BenchmarkCatalog(List<BenchmarkDefinition> definitions) {
        this.definitions = definitions;
    }

    /** Every benchmark on the class path of {@code loader}. */
    static BenchmarkCatalog discover(ClassLoader loader) {
        List<BenchmarkDefinition> found = new ArrayList<>();
        for (BenchmarkDefinition definition : ServiceLoader.load(BenchmarkDefinition.class, loader)) {
            found.add(definition);
        }
        found.sort(Comparator.comparing(BenchmarkDefinition::name));
        return new BenchmarkCatalog(List.copyOf(found));
    }

    /**
     * The benchmarks whose name contains a match of any of {@code regexes} (all when none is given),
     * as JMH selects.
     */
    List<BenchmarkDefinition> select(List<String> regexes) {
        return select(regexes, List.of());
    }

    /**
     * The benchmarks whose name contains a match of any of {@code includes} (all when none is given)
     * and of none of {@code excludes}, as JMH's positional regexes and {@code -e} select.
     */
    List<BenchmarkDefinition> select(List<String> includes, List<String> excludes) {
        List<Pattern> included = compile(includes);
        List<Pattern> excluded = compile(excludes);
        List<BenchmarkDefinition> selected = new ArrayList<>();
        for (BenchmarkDefinition definition : definitions) {
            boolean in = included.isEmpty() || included.stream().anyMatch(p -> p.matcher(definition.name()).find());
            boolean out = excluded.stream().anyMatch(p -> p.matcher(definition.name()).find());
            if (in && !out) {
                selected.add(definition);
            }
        }
        return selected;
    }

    private static List<Pattern> compile(List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new UserInputException("'" + regex + "' is not a valid regular expression: "
                        + e.getDescription() + " (benchmark selection uses Java regex syntax)");
            }
        }
        return patterns;
    }

    boolean isEmpty() {
        return definitions.isEmpty();
    }
}
