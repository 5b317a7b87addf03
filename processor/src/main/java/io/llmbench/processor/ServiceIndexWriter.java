package io.llmbench.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the {@link java.util.ServiceLoader} index of generated runners. An incremental build
 * compiles only some classes, so the entries of the index already in the class output are kept:
 * the new index is the sorted union of both.
 */
final class ServiceIndexWriter {

    /** Where the index lives in the class output. */
    static final String PATH = "META-INF/services/io.llmbench.runtime.spec.BenchmarkDefinition";

    private final Filer filer;

    ServiceIndexWriter(Filer filer) {
        this.filer = filer;
    }

    /**
     * Writes the index with {@code binaryNames} added to the entries already there.
     *
     * @param origins the annotated classes the new entries come from, for incremental builds
     */
    void write(Collection<String> binaryNames, Collection<? extends Element> origins) throws IOException {
        SortedSet<String> entries = existingEntries();
        entries.addAll(binaryNames);
        FileObject index = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH,
                origins.toArray(new Element[0]));
        try (Writer writer = new OutputStreamWriter(index.openOutputStream(), StandardCharsets.UTF_8)) {
            for (String entry : entries) {
                writer.write(entry);
                writer.write('\n');
            }
        }
    }

    private SortedSet<String> existingEntries() {
        SortedSet<String> entries = new TreeSet<>();
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int comment = line.indexOf('#');
                    String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
                    if (!entry.isEmpty()) {
                        entries.add(entry);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // No index yet (a clean build), or a file manager that cannot read its own output:
            // the index then lists this compilation's runners only.
        }
        return entries;
    }
}
