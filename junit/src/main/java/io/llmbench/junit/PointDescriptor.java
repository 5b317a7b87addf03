package io.llmbench.junit;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** One sweep point of a benchmark: one test, named by its parameter values. */
final class PointDescriptor extends AbstractTestDescriptor {

    private final int index;

    PointDescriptor(UniqueId id, String benchmarkName, int index, Map<String, String> point) {
        // A method source, so that Surefire's report names each point (it names tests by method).
        super(id, displayName(point), MethodSource.from(benchmarkName, displayName(point)));
        this.index = index;
    }

    /** The point's index in the benchmark's sweep order. */
    int index() {
        return index;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    static String displayName(Map<String, String> point) {
        if (point.isEmpty()) {
            return "run";
        }
        return point.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The segment of the unique id: {@code concurrency=1,streaming=true}, or {@code run}. */
    static String segment(Map<String, String> point) {
        return displayName(point).replace(", ", ",");
    }
}
