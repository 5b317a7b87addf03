package io.llmbench.runtime.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The command-line options of the runner, named as AIPerf's where AIPerf has the option (so that an
 * AIPerf command line ports by changing the program name). Every option is documented in
 * {@code docs/cli.md}.
 */
final class CliOptions {

    static final String HELP = "help";
    static final String LIST = "list";
    static final String URL = "url";
    static final String MODEL = "model";
    static final String ENDPOINT_TYPE = "endpoint-type";
    static final String STREAMING = "streaming";
    static final String NO_STREAMING = "no-streaming";
    static final String CONCURRENCY = "concurrency";
    static final String REQUEST_COUNT = "request-count";
    static final String WARMUP_REQUEST_COUNT = "warmup-request-count";
    static final String OUTPUT_TOKENS_MEAN = "output-tokens-mean";
    static final String OSL = "osl";
    static final String INPUT_TOKENS_MEAN = "synthetic-input-tokens-mean";
    static final String ISL = "isl";
    static final String INPUT_TOKENS_STDDEV = "synthetic-input-tokens-stddev";
    static final String ISL_STDDEV = "isl-stddev";
    static final String RANDOM_SEED = "random-seed";
    static final String NUM_DATASET_ENTRIES = "num-dataset-entries";
    static final String PUBLIC_DATASET = "public-dataset";
    static final String INPUT_FILE = "input-file";
    static final String IMAGE_WIDTH_MEAN = "image-width-mean";
    static final String IMAGE_HEIGHT_MEAN = "image-height-mean";
    static final String IMAGE_FORMAT = "image-format";
    static final String TOKENIZER = "tokenizer";
    static final String API_KEY = "api-key";
    static final String HEADER = "header";
    static final String EXTRA_INPUTS = "extra-inputs";
    static final String GOODPUT = "goodput";
    static final String REQUEST_TIMEOUT = "request-timeout-seconds";
    static final String ARTIFACT_DIR = "artifact-dir";
    static final String MOCK = "mock";
    static final String MOCK_TTFT = "mock-ttft-ms";
    static final String MOCK_ITL = "mock-itl-ms";
    static final String MOCK_OUTPUT_TOKENS = "mock-output-tokens";
    static final String MOCK_ERROR_RATE = "mock-error-rate";
    static final String MOCK_REASONING_TOKENS = "mock-reasoning-tokens";
    static final String HOST = "host";
    static final String PORT = "port";

    private CliOptions() {
    }

    /** Every option of the runner and its commands. */
    static Options all() {
        Options options = new Options();
        options.addOption(flag("h", HELP, "Print this help and exit."));
        options.addOption(flag("l", LIST, "List the benchmarks (matching the regexes, if any) and exit."));
        options.addOption(valued("u", URL, "URL",
                "Server base URL; a bare host:port means http://. Default: http://localhost:8000."));
        options.addOption(valued("m", MODEL, "NAME", "Model name sent in each request."));
        options.addOption(valued(null, ENDPOINT_TYPE, "TYPE", "API shape: chat or completions. Default: chat."));
        options.addOption(flag(null, STREAMING, "Request streaming (SSE) responses."));
        options.addOption(flag(null, NO_STREAMING, "Request non-streaming responses."));
        options.addOption(valued(null, CONCURRENCY, "N[,N...]",
                "Requests in flight at once; a comma-separated list is a sweep. Default: 1."));
        options.addOption(valued(null, REQUEST_COUNT, "N",
                "Requests of the profiling phase. Default: 10 x concurrency, at least 10."));
        options.addOption(valued(null, WARMUP_REQUEST_COUNT, "N",
                "Requests sent before profiling, excluded from the metrics. Default: 0."));
        options.addOption(valued(null, OUTPUT_TOKENS_MEAN, "N[,N...]",
                "Output tokens requested per request (max_tokens). Default: not sent."));
        options.addOption(valued(null, OSL, "N[,N...]", "Alias of --" + OUTPUT_TOKENS_MEAN + "."));
        options.addOption(valued(null, INPUT_TOKENS_MEAN, "N[,N...]",
                "Mean synthetic prompt length in tokens. Default: 550."));
        options.addOption(valued(null, ISL, "N[,N...]", "Alias of --" + INPUT_TOKENS_MEAN + "."));
        options.addOption(valued(null, INPUT_TOKENS_STDDEV, "N",
                "Standard deviation of synthetic prompt lengths in tokens. Default: 0."));
        options.addOption(valued(null, ISL_STDDEV, "N", "Alias of --" + INPUT_TOKENS_STDDEV + "."));
        options.addOption(valued(null, RANDOM_SEED, "N", "Seed of synthetic data. Default: 0."));
        options.addOption(valued(null, NUM_DATASET_ENTRIES, "N",
                "Distinct entries of a synthetic dataset. Default: 100."));
        options.addOption(valued(null, PUBLIC_DATASET, "NAME",
                "A public dataset by name (e.g. mmstar), instead of synthetic prompts."));
        options.addOption(valued(null, INPUT_FILE, "PATH", "A dataset file (see --custom-dataset-type), instead of synthetic prompts."));
        options.addOption(valued(null, IMAGE_WIDTH_MEAN, "PX",
                "Mean width of synthetic images (synthetic-vision)."));
        options.addOption(valued(null, IMAGE_HEIGHT_MEAN, "PX",
                "Mean height of synthetic images (synthetic-vision)."));
        options.addOption(valued(null, IMAGE_FORMAT, "FORMAT",
                "Format of synthetic images: png, jpeg or random (each image one of them)."));
        options.addOption(valued(null, TOKENIZER, "PATH|ID",
                "tokenizer.json (or its folder) or a Hugging Face model id. Default: the model's."));
        options.addOption(valued(null, API_KEY, "KEY", "Sent as Authorization: Bearer KEY; never printed."));
        options.addOption(Option.builder("H").longOpt(HEADER).hasArg().argName("NAME:VALUE")
                .desc("Extra request header; repeatable.").get());
        options.addOption(Option.builder().longOpt(EXTRA_INPUTS).hasArg().argName("KEY:VALUE")
                .desc("Extra top-level field of every request body (VALUE as JSON when it parses, "
                        + "else a string), or a JSON object; repeatable.")
                .get());
        options.addOption(valued(null, GOODPUT, "\"TAG:VALUE ...\"",
                "SLOs for goodput, e.g. \"time_to_first_token:200 inter_token_latency:20\"."));
        options.addOption(valued(null, REQUEST_TIMEOUT, "SECONDS", "Timeout of one request. Default: 600."));
        options.addOption(valued(null, ARTIFACT_DIR, "DIR",
                "Root folder of the exports; each run writes a folder below it. Default: artifacts."));
        options.addOption(flag(null, MOCK, "Start the embedded mock server and run against it."));
        options.addOption(valued(null, MOCK_TTFT, "MS", "Mock server time to first token. Default: 20."));
        options.addOption(valued(null, MOCK_ITL, "MS", "Mock server inter-token latency. Default: 5."));
        options.addOption(valued(null, MOCK_OUTPUT_TOKENS, "N",
                "Mock server output tokens when a request sets no max_tokens. Default: 100."));
        options.addOption(valued(null, MOCK_ERROR_RATE, "FRACTION",
                "Mock server: fraction of requests answered with HTTP 500 (0 to 1). Default: 0."));
        options.addOption(valued(null, MOCK_REASONING_TOKENS, "N",
                "Mock server: the first N tokens of a chat response are reasoning (reasoning_content). Default: 0."));
        options.addOption(valued(null, HOST, "HOST", "mock-server: address to bind. Default: 127.0.0.1."));
        options.addOption(valued(null, PORT, "PORT", "mock-server: port to listen on. Default: 8000."));
        InputFileOptions.addTo(options);
        SynthesisOptions.addTo(options);
        PublicDatasetOptions.addTo(options);
        MockFaultOptions.addTo(options);
        EndpointOptions.addTo(options);
        OutputOptions.addTo(options);
        SelectionOptions.addTo(options);
        BatchOptions.addTo(options);
        LoadOptions.addTo(options);
        SessionOptions.addTo(options);
        ProfileRunOptions.addTo(options);
        ConversationTurnOptions.addTo(options);
        return options;
    }

    private static Option flag(String shortName, String longName, String description) {
        return Option.builder(shortName).longOpt(longName).desc(description).get();
    }

    private static Option valued(String shortName, String longName, String argName, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(argName).desc(description).get();
    }
}
