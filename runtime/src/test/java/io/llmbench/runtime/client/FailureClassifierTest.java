package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestError;
import java.io.EOFException;
import java.net.ConnectException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How transport failures become error types, and messages that group into few error-table rows. */
class FailureClassifierTest {

    @Test
    void idleTimeoutsOfDifferentLengthsShareOneMessage() {
        RequestError first = FailureClassifier.classify(
                new RuntimeException(new TimeoutException("Idle timeout expired: 2042/2000 ms")), true, "http://h/");
        RequestError second = FailureClassifier.classify(
                new TimeoutException("Idle timeout expired: 2171/2000 ms"), true, "http://h/");
        assertEquals(ErrorType.TIMEOUT, first.type());
        assertEquals("timed out: TimeoutException: Idle timeout expired: 2000 ms", first.message());
        assertEquals(first.message(), second.message());
        assertEquals("timed out: TimeoutException: Total timeout 2000 ms elapsed", FailureClassifier.classify(
                new TimeoutException("Total timeout 2000 ms elapsed"), true, "http://h/").message());
    }

    @Test
    void eachTransportFailureHasItsType() {
        assertEquals(ErrorType.CANCELLED,
                FailureClassifier.classify(new CancellationException("interrupted"), true, "u").type());
        assertEquals(ErrorType.CONNECT,
                FailureClassifier.classify(new ConnectException("Connection refused"), false, "u").type());
        assertEquals(ErrorType.STREAM, FailureClassifier.classify(new EOFException("state dump"), true, "u").type());
        assertEquals("connection broken: the server closed the connection (EOFException)",
                FailureClassifier.classify(new EOFException("state dump"), true, "u").message());
    }
}
