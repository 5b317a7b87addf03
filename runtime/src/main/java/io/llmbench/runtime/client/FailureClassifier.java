package io.llmbench.runtime.client;

import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestError;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;

/** Maps a transport failure reported by Jetty to the closed set of {@link ErrorType}s. */
final class FailureClassifier {

    private static final int MAX_MESSAGE = 200;
    /**
     * Jetty's idle timeout message carries the silence it measured ({@code 2042/2000 ms}), which
     * would give every timed-out request a row of its own in the error table; the limit alone is kept.
     */
    private static final Pattern MEASURED_OF_LIMIT = Pattern.compile("\\d+/(\\d+) ms");

    private FailureClassifier() {
    }

    /**
     * Classifies {@code failure}.
     *
     * @param onConnection whether the request had begun to be sent on a connection (Jetty's
     *     request-begin event): a failure before that is a connection failure
     * @param target the URI requested, for the message
     */
    static RequestError classify(Throwable failure, boolean onConnection, String target) {
        if (find(failure, CancellationException.class) != null) {
            return new RequestError(ErrorType.CANCELLED, 0, "cancelled: " + describe(failure));
        }
        if (find(failure, TimeoutException.class) != null) {
            String described = describe(find(failure, TimeoutException.class));
            return new RequestError(ErrorType.TIMEOUT, 0,
                    "timed out: " + MEASURED_OF_LIMIT.matcher(described).replaceAll("$1 ms"));
        }
        boolean connectFailure = find(failure, ConnectException.class) != null
                || find(failure, UnknownHostException.class) != null
                || find(failure, UnresolvedAddressException.class) != null
                || find(failure, NoRouteToHostException.class) != null
                || find(failure, SSLHandshakeException.class) != null
                || (!onConnection && find(failure, SocketTimeoutException.class) != null);
        if (connectFailure || !onConnection) {
            return new RequestError(ErrorType.CONNECT, 0, "cannot connect to " + target + ": " + describe(failure));
        }
        return new RequestError(ErrorType.STREAM, 0, "connection broken: " + describe(failure));
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost cause's class and message, on one short line. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root.getClass().getSimpleName();
        if (root instanceof EOFException) {
            // Jetty's EOF messages are dumps of its connection state; the class says it all.
            return "the server closed the connection (" + name + ")";
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return name;
        }
        message = ResponseDecoder.oneLine(message);
        return name + ": " + (message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message);
    }
}
