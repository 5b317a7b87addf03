package io.llmbench.runtime.mock;

import java.util.Locale;

/**
 * A fault the mock server can inject into a completion response, named as on the command line
 * ({@code --mock-fault drop:0.05}). Stream faults strike halfway through the output, so that a
 * client has measured something (its time to first token) before the response goes wrong.
 */
public enum MockFault {
    /** HTTP 500 with an OpenAI error body, before any output. */
    HTTP_500,
    /** HTTP 503 with an OpenAI error body, before any output. */
    HTTP_503,
    /** HTTP 429 with a {@code Retry-After} header and an OpenAI error body. */
    HTTP_429,
    /** The connection is cut halfway through the output (no end of body, no {@code [DONE]}). */
    DROP,
    /** A stream event (or a non-streaming body) that is not valid JSON, halfway through. */
    MALFORMED_EVENT,
    /** An {@code {"error": ...}} event halfway through the stream (or as a 200 body), then the end. */
    ERROR_EVENT,
    /** No bytes for the stall time halfway through the output; then the response goes on. */
    STALL,
    /** The response headers (and everything after them) come only after the slow-headers time. */
    SLOW_HEADERS,
    /** One event (or body) carrying a very large content delta; otherwise a valid response. */
    HUGE_EVENT,
    /** HTTP 200 with an HTML page instead of an event stream or a JSON body, as a proxy might send. */
    NOT_SSE;

    /** The name on the command line: lower case, e.g. {@code http_429}, {@code malformed_event}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fault with this command-line name, or {@code null}. */
    public static MockFault fromCliName(String name) {
        for (MockFault fault : values()) {
            if (fault.cliName().equals(name)) {
                return fault;
            }
        }
        return null;
    }
}
