package io.llmbench.processor;

import io.llmbench.annotations.LlmBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The annotation processor for {@link LlmBenchmark}: validates each annotated class, generates its
 * runner ({@code <Outer>_<Inner>_LlmBenchmark}, a {@code BenchmarkDefinition}), and when processing
 * is over writes the {@code ServiceLoader} index of every runner.
 *
 * <p>Each invalid class reports its own errors, at the annotation value at fault, and the other
 * classes still generate. The processor never throws to javac: an unexpected exception becomes one
 * error that carries its stack trace.
 */
public final class LlmBenchmarkProcessor extends AbstractProcessor {

    private final Set<String> generatedRunners = new TreeSet<>();
    private final List<Element> origins = new ArrayList<>();
    private final Set<CompileError> reported = new java.util.HashSet<>();
    private Messager messager;
    private BenchmarkValidator validator;
    private RunnerWriter runnerWriter;
    private ServiceIndexWriter indexWriter;

    /** Created by javac through {@code META-INF/services/javax.annotation.processing.Processor}. */
    public LlmBenchmarkProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        messager = processingEnv.getMessager();
        validator = new BenchmarkValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        runnerWriter = new RunnerWriter(processingEnv.getFiler());
        indexWriter = new ServiceIndexWriter(processingEnv.getFiler());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(LlmBenchmark.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        try {
            processRound(roundEnv);
        } catch (Throwable unexpected) {
            StringWriter stack = new StringWriter();
            unexpected.printStackTrace(new PrintWriter(stack));
            messager.printMessage(Diagnostic.Kind.ERROR, String.format(ErrorMessages.UNEXPECTED_FAILURE, stack));
        }
        // Other processors may also want to see @LlmBenchmark classes.
        return false;
    }

    private void processRound(RoundEnvironment roundEnv) {
        for (Element element : roundEnv.getElementsAnnotatedWith(LlmBenchmark.class)) {
            // @Target(TYPE) means only types carry the annotation.
            TypeElement type = (TypeElement) element;
            AnnotationMirror mirror = llmBenchmarkMirror(type);
            Validation validation = validator.validate(type, mirror);
            // A base class's errors are found again through each subclass: report each once.
            validation.errors().stream().filter(reported::add).forEach(this::report);
            validation.model().ifPresent(model -> generate(model, type, mirror));
        }
        if (roundEnv.processingOver() && !generatedRunners.isEmpty()) {
            try {
                indexWriter.write(generatedRunners, origins);
            } catch (IOException e) {
                messager.printMessage(Diagnostic.Kind.ERROR,
                        String.format(ErrorMessages.WRITE_FAILED, ServiceIndexWriter.PATH, e.getMessage()));
            }
        }
    }

    private void generate(BenchmarkModel model, TypeElement type, AnnotationMirror mirror) {
        try {
            runnerWriter.write(model, type);
            generatedRunners.add(model.generatedBinaryName());
            origins.add(type);
        } catch (FilerException e) {
            report(new CompileError(String.format(ErrorMessages.GENERATED_CLASS_CLASH,
                    model.generatedBinaryName(), model.canonicalName(), e.getMessage()), type, mirror, null));
        } catch (IOException e) {
            report(new CompileError(String.format(ErrorMessages.WRITE_FAILED,
                    model.generatedBinaryName(), e.getMessage()), type, mirror, null));
        }
    }

    private void report(CompileError error) {
        if (error.mirror() == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, error.message(), error.element());
        } else if (error.value() == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, error.message(), error.element(), error.mirror());
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, error.message(), error.element(), error.mirror(),
                    error.value());
        }
    }

    private static AnnotationMirror llmBenchmarkMirror(TypeElement type) {
        String name = LlmBenchmark.class.getCanonicalName();
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotation.getQualifiedName().contentEquals(name)) {
                return mirror;
            }
        }
        // Inherited from a superclass: errors about the class itself point at the class.
        return null;
    }
}
