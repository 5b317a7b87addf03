package io.llmbench.junit;

import io.llmbench.runtime.spec.BenchmarkDefinition;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** One benchmark class: the container of its sweep points' tests. */
final class BenchmarkDescriptor extends AbstractTestDescriptor {

    private final BenchmarkDefinition definition;

    BenchmarkDescriptor(UniqueId id, BenchmarkDefinition definition) {
        super(id, simpleName(definition.name()), ClassSource.from(definition.name()));
        this.definition = definition;
    }

    BenchmarkDefinition definition() {
        return definition;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
