package io.llmbench.runtime.cli;

import static io.llmbench.runtime.cli.CliOptions.*;

import io.llmbench.annotations.Datasets;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;

/**
 * Turns the arguments into an {@link Invocation}; every malformed value becomes a
 * {@link UserInputException} whose one-line message names the option, the value and what it takes.
 */
final class CliParser {

    private CliParser() {
    }

    static Invocation parse(String[] args) {
        CommandLine line;
        try {
            // Partial matching off: "--stream" must not silently mean "--streaming".
            line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(CliOptions.all(), args);
        } catch (ParseException e) {
            throw new UserInputException(e.getMessage() + " (run with -h for the options)");
        }
        List<String> positional = new ArrayList<>(line.getArgList());
        Invocation.Command command = Invocation.Command.RUN;
        if (!positional.isEmpty()) {
            command = Invocation.Command.fromWord(positional.get(0));
            if (command != Invocation.Command.RUN) {
                positional.remove(0);
            }
        }
        if (line.hasOption(STREAMING) && line.hasOption(NO_STREAMING)) {
            throw new UserInputException("--streaming and --no-streaming contradict each other: give one of them");
        }
        if (line.hasOption(PUBLIC_DATASET) && line.hasOption(INPUT_FILE)) {
            throw new UserInputException("--public-dataset and --input-file contradict each other: give one of them");
        }
        if (line.hasOption(MOCK) && line.hasOption(URL)) {
            throw new UserInputException("--mock runs against the embedded mock server, so it cannot be combined "
                    + "with --url: drop one of them");
        }
        if (!line.hasOption(MOCK) && command != Invocation.Command.MOCK_SERVER) {
            // Otherwise "--mock-ttft-ms 50" without --mock would be silently ignored by a run at a real server.
            for (Option given : line.getOptions()) {
                if (given.getLongOpt() != null && given.getLongOpt().startsWith(MOCK + "-")) {
                    throw new UserInputException("--" + given.getLongOpt() + " sets the embedded mock server, "
                            + "which runs only with --mock or the mock-server command: add --mock or drop it");
                }
            }
        }
        Boolean streaming = line.hasOption(STREAMING) ? Boolean.TRUE
                : line.hasOption(NO_STREAMING) ? Boolean.FALSE : null;
        CliSettings settings = new CliSettings(
                url(line.getOptionValue(URL)),
                nonBlank(line, MODEL),
                endpointType(line.getOptionValue(ENDPOINT_TYPE)),
                streaming,
                positiveList(line, CONCURRENCY),
                positive(line, REQUEST_COUNT),
                nonNegative(line, WARMUP_REQUEST_COUNT),
                aliasedList(line, OUTPUT_TOKENS_MEAN, OSL),
                aliasedList(line, INPUT_TOKENS_MEAN, ISL),
                nonNegative(line, givenName(line, INPUT_TOKENS_STDDEV, ISL_STDDEV)),
                seed(line.getOptionValue(RANDOM_SEED)),
                positive(line, NUM_DATASET_ENTRIES),
                dataset(line),
                positive(line, IMAGE_WIDTH_MEAN),
                positive(line, IMAGE_HEIGHT_MEAN),
                imageFormat(line.getOptionValue(IMAGE_FORMAT)),
                nonBlank(line, TOKENIZER),
                nonBlank(line, API_KEY),
                headers(line.getOptionValues(HEADER)),
                ExtraInputs.parse(line.getOptionValues(EXTRA_INPUTS)),
                nonBlank(line, GOODPUT),
                timeout(line.getOptionValue(REQUEST_TIMEOUT)),
                line.hasOption(ARTIFACT_DIR) ? Path.of(line.getOptionValue(ARTIFACT_DIR)) : null,
                line.hasOption(MOCK),
                nonNegativeDecimal(line, MOCK_TTFT),
                nonNegativeDecimal(line, MOCK_ITL),
                positive(line, MOCK_OUTPUT_TOKENS),
                fraction(line, MOCK_ERROR_RATE),
                nonNegative(line, MOCK_REASONING_TOKENS),
                nonBlank(line, HOST),
                port(line.getOptionValue(PORT)),
                InputFileOptions.parse(line),
                SynthesisOptions.parse(line),
                PublicDatasetOptions.parse(line),
                MockFaultOptions.parse(line),
                EndpointOptions.parse(line),
                OutputOptions.parse(line),
                SelectionOptions.parse(line),
                BatchOptions.parse(line),
                LoadOptions.parse(line),
                SessionOptions.parse(line),
                GivenOptions.parse(line),
                ProfileRunOptions.parse(line),
                ConversationTurnOptions.parse(line));
        return new Invocation(command, List.copyOf(positional), line.hasOption(HELP), line.hasOption(LIST), settings);
    }

    /** A bare {@code host:port} means {@code http://host:port}; a path is not allowed. */
    static String url(String value) {
        if (value == null) {
            return null;
        }
        String url = value.strip();
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw badUrl(value);
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw badUrl(value);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UserInputException("--url '" + value + "' has a query or fragment: give the server's base URL "
                    + "only, e.g. http://localhost:8000; the endpoint path comes from --endpoint-type");
        }
        // A base path is kept (gateways serve under one, e.g. https://host/openai/v1); the client
        // appends the endpoint's path to it.
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    private static UserInputException badUrl(String value) {
        return new UserInputException("--url '" + value + "' is not a server address: use host:port or "
                + "http(s)://host:port, e.g. localhost:8000");
    }

    private static EndpointType endpointType(String value) {
        if (value == null) {
            return null;
        }
        EndpointType type = EndpointType.fromCliName(value.strip());
        if (type == null) {
            List<String> names = new ArrayList<>();
            for (EndpointType t : EndpointType.values()) {
                if (t != EndpointType.UNSET) {
                    names.add(t.cliName());
                }
            }
            throw new UserInputException("--endpoint-type '" + value + "' is not supported: use one of " + names);
        }
        return type;
    }

    private static String dataset(CommandLine line) {
        if (line.hasOption(INPUT_FILE)) {
            return Datasets.FILE_PREFIX + line.getOptionValue(INPUT_FILE);
        }
        String name = line.getOptionValue(PUBLIC_DATASET);
        if (name == null) {
            return null;
        }
        if (!Datasets.NAMES.contains(name)) {
            throw new UserInputException("--public-dataset '" + name + "' is not a known dataset: use one of "
                    + Datasets.NAMES);
        }
        return name;
    }

    private static String imageFormat(String value) {
        if (value == null) {
            return null;
        }
        String format = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (format.equals("jpg")) {
            format = "jpeg";
        }
        if (!format.equals("png") && !format.equals("jpeg") && !format.equals("random")) {
            throw new UserInputException("--image-format '" + value + "' is not supported: use png, jpeg or random");
        }
        return format;
    }

    private static Map<String, String> headers(String[] values) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (values == null) {
            return headers;
        }
        for (String value : values) {
            int colon = value.indexOf(':');
            if (colon <= 0 || value.substring(0, colon).isBlank()) {
                throw new UserInputException("--header " + redactHeader(value) + " is not NAME:VALUE, "
                        + "e.g. -H 'X-Tenant: a'");
            }
            headers.put(value.substring(0, colon).strip(), value.substring(colon + 1).strip());
        }
        return headers;
    }

    /** A malformed header may be a bare secret (its name forgotten): show none of it. */
    private static String redactHeader(String value) {
        return "(" + value.length() + " characters, not shown)";
    }

    private static Duration timeout(String value) {
        if (value == null) {
            return null;
        }
        double seconds = decimal(REQUEST_TIMEOUT, value);
        if (!(seconds > 0)) {
            throw new UserInputException("--" + REQUEST_TIMEOUT + " '" + value + "' must be a number of seconds > 0");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    private static Integer port(String value) {
        if (value == null) {
            return null;
        }
        int port = integer(PORT, value);
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port '" + value + "' must be a port number from 0 to 65535");
        }
        return port;
    }

    private static Long seed(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("--" + RANDOM_SEED + " '" + value + "' is not a whole number");
        }
    }

    private static String nonBlank(CommandLine line, String option) {
        String value = line.getOptionValue(option);
        if (value != null && value.isBlank()) {
            throw new UserInputException("--" + option + " is empty: give a value or leave the option out");
        }
        return value;
    }

    private static Integer positive(CommandLine line, String option) {
        return bounded(line, option, 1);
    }

    private static Integer nonNegative(CommandLine line, String option) {
        return bounded(line, option, 0);
    }

    private static Integer bounded(CommandLine line, String option, int min) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return null;
        }
        int number = integer(option, value);
        if (number < min) {
            throw new UserInputException("--" + option + " '" + value + "' must be a whole number ≥ " + min);
        }
        return number;
    }

    private static Double nonNegativeDecimal(CommandLine line, String option) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return null;
        }
        double number = decimal(option, value);
        if (!(number >= 0) || Double.isInfinite(number)) {
            throw new UserInputException("--" + option + " '" + value + "' must be a number ≥ 0");
        }
        return number;
    }

    private static Double fraction(CommandLine line, String option) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return null;
        }
        double number = decimal(option, value);
        if (!(number >= 0 && number <= 1)) {
            throw new UserInputException("--" + option + " '" + value + "' must be a fraction from 0 to 1");
        }
        return number;
    }

    /** The name under which an option with one alias was given; both names at once are a usage error. */
    private static String givenName(CommandLine line, String option, String alias) {
        if (line.hasOption(option) && line.hasOption(alias)) {
            throw new UserInputException("--" + option + " and --" + alias + " are the same option: give one of them");
        }
        return line.hasOption(alias) ? alias : option;
    }

    private static int[] aliasedList(CommandLine line, String option, String alias) {
        if (line.hasOption(option) && line.hasOption(alias)) {
            throw new UserInputException("--" + option + " and --" + alias + " are the same option: give one of them");
        }
        return positiveList(line, line.hasOption(alias) ? alias : option);
    }

    /** A comma-separated list of whole numbers ≥ 1, without duplicates (a sweep). */
    static int[] positiveList(CommandLine line, String option) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return new int[0];
        }
        String[] parts = value.split(",", -1);
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int number;
            try {
                number = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UserInputException("--" + option + " '" + value
                        + "' must be a whole number ≥ 1 or a comma-separated list of them, e.g. 1,4,16");
            }
            if (number < 1) {
                throw new UserInputException("--" + option + " '" + value + "' must hold whole numbers ≥ 1");
            }
            numbers[i] = number;
        }
        if (Arrays.stream(numbers).distinct().count() != numbers.length) {
            throw new UserInputException("--" + option + " '" + value + "' lists a value twice: list each once");
        }
        return numbers;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("--" + option + " '" + value + "' is not a whole number");
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("--" + option + " '" + value + "' is not a number");
        }
    }
}
