package io.llmbench.runtime.record;

/**
 * The closed set of failure types written to exports ({@code error.type}) and counted in the error
 * table. Documented in {@code docs/errors.md}.
 */
public enum ErrorType {
    /** The server answered with a non-2xx HTTP status. */
    HTTP("http"),
    /** No connection could be opened (refused, unresolvable host, TLS handshake failure). */
    CONNECT("connect"),
    /** The request did not complete within the request timeout. */
    TIMEOUT("timeout"),
    /** The connection broke or the stream ended before a complete response. */
    STREAM("stream"),
    /** The response body could not be understood (malformed JSON or SSE, an error event). */
    RESPONSE("response"),
    /** The request was cancelled on purpose. */
    CANCELLED("cancelled");

    private final String exportName;

    ErrorType(String exportName) {
        this.exportName = exportName;
    }

    /** The name written to exports. */
    public String exportName() {
        return exportName;
    }
}
