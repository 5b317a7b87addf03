package io.llmbench.runtime.record;

/**
 * Why a request failed.
 *
 * @param type the failure class
 * @param code the HTTP status when there was one, else 0
 * @param message a one-line explanation (server's error message, exception message)
 */
public record RequestError(ErrorType type, int code, String message) {
}
