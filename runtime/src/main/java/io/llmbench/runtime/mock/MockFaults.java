package io.llmbench.runtime.mock;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which faults the mock server injects, how often, and their parameters. Each completion request
 * draws at most one fault: the rates are the probabilities of disjoint outcomes, so they must add up
 * to at most 1.
 *
 * @param rates the probability of each fault per completion request (absent means 0)
 * @param stallMs how long a {@link MockFault#STALL} sends nothing
 * @param slowHeadersMs how long a {@link MockFault#SLOW_HEADERS} response holds back its headers
 * @param retryAfterSeconds the {@code Retry-After} value of a {@link MockFault#HTTP_429}
 * @param hugeEventBytes the size of the content delta of a {@link MockFault#HUGE_EVENT}
 */
public record MockFaults(Map<MockFault, Double> rates, long stallMs, long slowHeadersMs, int retryAfterSeconds,
        int hugeEventBytes) {

    /** Default stall: long enough to trip a short request timeout, short enough for a test. */
    public static final long DEFAULT_STALL_MS = 2_000;
    /** Default slow-headers delay. */
    public static final long DEFAULT_SLOW_HEADERS_MS = 1_000;
    /** Default {@code Retry-After}. */
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    /** Default huge event: 1 MiB of content in one event. */
    public static final int DEFAULT_HUGE_EVENT_BYTES = 1 << 20;

    public MockFaults {
        EnumMap<MockFault, Double> copy = new EnumMap<>(MockFault.class);
        double sum = 0;
        for (Map.Entry<MockFault, Double> entry : rates.entrySet()) {
            double rate = entry.getValue();
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("the rate of " + entry.getKey().cliName()
                        + " must be between 0 and 1, was " + rate);
            }
            sum += rate;
            if (rate > 0) {
                copy.put(entry.getKey(), rate);
            }
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("the fault rates add up to " + sum + "; they must add up to at most 1");
        }
        rates = Collections.unmodifiableMap(copy);
        if (stallMs < 0 || slowHeadersMs < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("fault times must be >= 0");
        }
        if (hugeEventBytes < 1) {
            throw new IllegalArgumentException("hugeEventBytes must be at least 1, was " + hugeEventBytes);
        }
    }

    /** No faults, default parameters. */
    public static MockFaults none() {
        return new MockFaults(Map.of(), DEFAULT_STALL_MS, DEFAULT_SLOW_HEADERS_MS, DEFAULT_RETRY_AFTER_SECONDS,
                DEFAULT_HUGE_EVENT_BYTES);
    }

    /** Every fault at {@code rate} each (so {@code 10 × rate} of requests are faulty). */
    public static MockFaults mix(double rate) {
        EnumMap<MockFault, Double> rates = new EnumMap<>(MockFault.class);
        for (MockFault fault : MockFault.values()) {
            rates.put(fault, rate);
        }
        return none().withRates(rates);
    }

    /** Only {@code fault}, on every request. */
    public static MockFaults always(MockFault fault) {
        return none().withRate(fault, 1.0);
    }

    /** These faults with {@code fault} at {@code rate}. */
    public MockFaults withRate(MockFault fault, double rate) {
        EnumMap<MockFault, Double> copy = new EnumMap<>(MockFault.class);
        copy.putAll(rates);
        copy.put(fault, rate);
        return withRates(copy);
    }

    /** These parameters with other rates. */
    public MockFaults withRates(Map<MockFault, Double> rates) {
        return new MockFaults(rates, stallMs, slowHeadersMs, retryAfterSeconds, hugeEventBytes);
    }

    /** These faults with other parameters. */
    public MockFaults withParameters(long stallMs, long slowHeadersMs, int retryAfterSeconds, int hugeEventBytes) {
        return new MockFaults(rates, stallMs, slowHeadersMs, retryAfterSeconds, hugeEventBytes);
    }

    /** Whether any fault may be injected. */
    public boolean any() {
        return !rates.isEmpty();
    }

    /** The fault for a uniform draw in [0, 1), or {@code null} for a clean response. */
    public MockFault pick(double draw) {
        double upTo = 0;
        for (Map.Entry<MockFault, Double> entry : rates.entrySet()) {
            upTo += entry.getValue();
            if (draw < upTo) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** A short description, e.g. {@code drop 0.05, stall 0.02 (2000 ms)}, or {@code none}. */
    public String describe() {
        if (rates.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        rates.forEach((fault, rate) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(fault.cliName()).append(' ').append(rate);
            switch (fault) {
                case STALL -> text.append(" (").append(stallMs).append(" ms)");
                case SLOW_HEADERS -> text.append(" (").append(slowHeadersMs).append(" ms)");
                case HTTP_429 -> text.append(" (Retry-After ").append(retryAfterSeconds).append(")");
                case HUGE_EVENT -> text.append(" (").append(hugeEventBytes).append(" bytes)");
                default -> { }
            }
        });
        return text.toString();
    }
}
