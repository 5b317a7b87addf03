package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.mock.MockFault;
import io.llmbench.runtime.mock.MockFaults;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The options that make the embedded mock server inject faults ({@code --mock-fault}, the fault
 * parameters). Documented in {@code docs/cli.md} and {@code docs/mock-server.md}.
 */
final class MockFaultOptions {

    static final String FAULT = "mock-fault";
    static final String FAULT_MIX = "mock-fault-mix";
    static final String STALL_MS = "mock-stall-ms";
    static final String SLOW_HEADERS_MS = "mock-slow-headers-ms";
    static final String RETRY_AFTER = "mock-retry-after-seconds";
    static final String HUGE_EVENT_BYTES = "mock-huge-event-bytes";

    private MockFaultOptions() {
    }

    /** Adds the mock fault options to {@code options}. */
    static void addTo(Options options) {
        options.addOption(Option.builder().longOpt(FAULT).hasArg().argName("NAME:RATE")
                .desc("Mock server: inject fault NAME in a fraction RATE of completion requests; repeatable. "
                        + "Names: " + names() + ".").get());
        options.addOption(Option.builder().longOpt(FAULT_MIX).hasArg().argName("RATE")
                .desc("Mock server: inject every fault, each in a fraction RATE of requests (at most 0.1).").get());
        options.addOption(valued(STALL_MS, "MS", "Mock server: length of a stall fault. Default: "
                + MockFaults.DEFAULT_STALL_MS + "."));
        options.addOption(valued(SLOW_HEADERS_MS, "MS", "Mock server: delay of a slow_headers fault. Default: "
                + MockFaults.DEFAULT_SLOW_HEADERS_MS + "."));
        options.addOption(valued(RETRY_AFTER, "SECONDS", "Mock server: Retry-After of an http_429 fault. Default: "
                + MockFaults.DEFAULT_RETRY_AFTER_SECONDS + "."));
        options.addOption(valued(HUGE_EVENT_BYTES, "BYTES", "Mock server: content size of a huge_event fault. "
                + "Default: " + MockFaults.DEFAULT_HUGE_EVENT_BYTES + "."));
    }

    /** The faults asked for; {@link MockFaults#none()} with default parameters when none. */
    static MockFaults parse(CommandLine line) {
        Map<MockFault, Double> rates = new EnumMap<>(MockFault.class);
        if (line.hasOption(FAULT_MIX)) {
            double rate = rate(FAULT_MIX, line.getOptionValue(FAULT_MIX), line.getOptionValue(FAULT_MIX));
            for (MockFault fault : MockFault.values()) {
                rates.put(fault, rate);
            }
        }
        String[] values = line.getOptionValues(FAULT);
        if (values != null) {
            for (String value : values) {
                for (String item : value.split(",")) {
                    int colon = item.lastIndexOf(':');
                    String name = (colon < 0 ? item : item.substring(0, colon)).strip();
                    MockFault fault = MockFault.fromCliName(name);
                    if (fault == null) {
                        throw new UserInputException("--" + FAULT + " '" + item.strip() + "': '" + name
                                + "' is not a fault; use one of " + names());
                    }
                    rates.put(fault, colon < 0 ? 1.0 : rate(FAULT, item.substring(colon + 1), item));
                }
            }
        }
        MockFaults defaults = MockFaults.none();
        long stall = millis(line, STALL_MS, defaults.stallMs());
        long slow = millis(line, SLOW_HEADERS_MS, defaults.slowHeadersMs());
        int retryAfter = (int) Math.min(Integer.MAX_VALUE, millis(line, RETRY_AFTER, defaults.retryAfterSeconds()));
        long huge = millis(line, HUGE_EVENT_BYTES, defaults.hugeEventBytes());
        if (huge < 1 || huge > 256L << 20) {
            throw new UserInputException("--" + HUGE_EVENT_BYTES + " " + huge + " is out of range: give 1 to "
                    + (256 << 20) + " bytes");
        }
        double sum = rates.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1 + 1e-9) {
            throw new UserInputException("the mock fault rates add up to " + sum + ", more than 1: each request "
                    + "draws at most one fault, so lower --" + FAULT + " or --" + FAULT_MIX);
        }
        return new MockFaults(rates, stall, slow, retryAfter, (int) huge);
    }

    private static double rate(String option, String text, String whole) {
        double rate;
        try {
            rate = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new UserInputException("--" + option + " '" + whole.strip() + "': the rate must be a fraction "
                    + "from 0 to 1, e.g. drop:0.05");
        }
        return rate;
    }

    private static long millis(CommandLine line, String option, long fallback) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("--" + option + " '" + value + "' is not a whole number >= 0");
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (MockFault fault : MockFault.values()) {
            names.add(fault.cliName());
        }
        return names;
    }

    private static Option valued(String longName, String argName, String description) {
        return Option.builder().longOpt(longName).hasArg().argName(argName).desc(description).get();
    }
}
