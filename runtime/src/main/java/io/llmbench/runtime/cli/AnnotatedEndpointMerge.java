package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedEndpoint;
import io.llmbench.runtime.spec.ConnectionReuse;
import io.llmbench.runtime.spec.EndpointSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a benchmark's {@code @Endpoint} settings under the command line's endpoint options, per
 * attribute: a {@code --url} (or {@code -p urls=...}) or {@code --mock} replaces the annotated servers,
 * a {@code --model} (or {@code -p models=...}) the annotated models, and each other option its attribute. The flags ({@code http2},
 * {@code insecure}, {@code useServerTokenCount}) have no "off" option, so an annotated {@code true} stands unless the annotation
 * of a subclass says {@code false}.
 */
final class AnnotatedEndpointMerge {

    private AnnotatedEndpointMerge() {
    }

    /**
     * The servers and models the command line names, by {@code --url}/{@code --model} or by
     * {@code -p urls=...}/{@code -p models=...}.
     *
     * @param url the main server's URL, or {@code null} when not given
     * @param extraUrls the further servers (empty unless {@code url} is given)
     * @param model the main model, or {@code null} when not given
     * @param extraModels the further models (empty unless {@code model} is given)
     */
    record GivenRouting(String url, List<URI> extraUrls, String model, List<String> extraModels) {

        /** From the command line's options, then {@code -p}, which contradicts the options. */
        static GivenRouting of(CliSettings cli, SweepOverrides overrides) {
            EndpointSettings given = cli.endpoint() != null ? cli.endpoint() : EndpointSettings.none();
            String url = cli.url();
            List<URI> extraUrls = given.extraUrls();
            List<String> urls = overrides.strings(SweepParameter.URLS, cli.url() != null);
            if (urls != null) {
                url = urls.get(0);
                extraUrls = urls.subList(1, urls.size()).stream().map(URI::create).toList();
            }
            String model = cli.model();
            List<String> extraModels = given.extraModels();
            List<String> models = overrides.strings(SweepParameter.MODELS, cli.model() != null);
            if (models != null) {
                model = models.get(0);
                extraModels = models.subList(1, models.size());
            }
            return new GivenRouting(url, extraUrls, model, extraModels);
        }
    }

    /**
     * The main server's URL: the command line's, the mock server's, the annotation's first, the default.
     *
     * @param fallbackUrl the mock server's URL, or {@code null}
     */
    static String url(GivenRouting given, String fallbackUrl, AnnotatedEndpoint annotated) {
        if (given.url() != null) {
            return given.url();
        }
        if (fallbackUrl != null) {
            return fallbackUrl;
        }
        return annotated.urls().isEmpty() ? SettingsResolver.DEFAULT_URL : CliParser.url(annotated.urls().get(0));
    }

    /**
     * The endpoint settings of a run.
     *
     * @param routing the servers and models the command line names
     * @param fallbackUrl the mock server's URL, or {@code null}
     * @param modelFromAnnotation whether the run's model is the annotated one
     */
    static EndpointSettings merge(CliSettings cli, GivenRouting routing, String fallbackUrl,
            AnnotatedEndpoint annotated, boolean modelFromAnnotation) {
        EndpointSettings given = cli.endpoint() != null ? cli.endpoint() : EndpointSettings.none();
        List<URI> extraUrls = new ArrayList<>();
        if (routing.url() != null) {
            extraUrls.addAll(routing.extraUrls());
        } else if (fallbackUrl == null) {
            for (String url : annotated.urls().subList(Math.min(1, annotated.urls().size()), annotated.urls().size())) {
                extraUrls.add(URI.create(CliParser.url(url)));
            }
        }
        List<String> extraModels = routing.model() != null ? routing.extraModels()
                : modelFromAnnotation ? annotated.extraModels() : List.of();
        String strategy = cli.given().has(EndpointOptions.MODEL_SELECTION) || annotated.modelSelectionStrategy().isEmpty()
                ? given.modelSelection() : annotated.modelSelectionStrategy();
        String custom = given.customEndpoint();
        if (custom == null && !annotated.customEndpoint().isEmpty()) {
            custom = annotated.customEndpoint().strip();
            custom = custom.startsWith("/") ? custom : "/" + custom;
        }
        String template = given.template() != null ? given.template() : template(annotated.templateBody());
        String responseField = given.responseField() != null ? given.responseField()
                : annotated.responseField().isEmpty() ? null : annotated.responseField();
        EndpointSettings merged = new EndpointSettings(extraUrls, extraModels, strategy, custom,
                given.insecure() || on(annotated.insecure()), template, responseField,
                given.http2() || on(annotated.http2()),
                given.useServerTokenCount() || on(annotated.useServerTokenCount()),
                cli.given().has(EndpointOptions.CONNECTION_REUSE) || annotated.connectionReuseStrategy().isEmpty()
                        ? given.connectionReuse() : ConnectionReuse.fromCliName(annotated.connectionReuseStrategy()));
        if (merged.http2() && merged.connectionReuse() != ConnectionReuse.POOLED) {
            throw new UserInputException("--" + EndpointOptions.CONNECTION_REUSE + " "
                    + merged.connectionReuse().cliName() + " needs HTTP/1.1 (HTTP/2 multiplexes requests over few "
                    + "connections): drop --http2, or the strategy");
        }
        return merged;
    }

    private static boolean on(boolean[] flag) {
        return flag.length > 0 && flag[0];
    }

    /** The annotated template's text: the value itself when it looks like JSON, else the file it names. */
    private static String template(String value) {
        if (value.isEmpty() || value.strip().startsWith("{")) {
            return value.isEmpty() ? null : value;
        }
        try {
            return Files.readString(Path.of(value.strip()));
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("@Endpoint(templateBody = \"" + value + "\"): cannot read the template file ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); give a file readable from the working directory, the JSON body itself, or"
                    + " --template-body");
        }
    }
}
