package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class TargetProbeTest {

    @Test
    void aListeningServerPasses() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            TargetProbe.check(URI.create("http://127.0.0.1:" + server.getLocalPort()));
        }
    }

    @Test
    void aClosedPortIsOneLineSayingWhatToCheck() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0)) {
            port = server.getLocalPort();
        }
        String message = assertThrows(TargetUnreachableException.class,
                () -> TargetProbe.check(URI.create("http://127.0.0.1:" + port))).getMessage();
        assertTrue(message.startsWith("cannot connect to http://127.0.0.1:" + port + " (") && message.contains("--url"),
                message);
        assertTrue(!message.contains("\n"), message);
    }

    @Test
    void anUnknownHostIsSaidInWordsNotOnlyByItsName() {
        assertEquals("unknown host nosuchhost.invalid", TargetProbe.reason(new UnknownHostException("nosuchhost.invalid")));
        assertEquals("Connection refused", TargetProbe.reason(new ConnectException("Connection refused")));
        assertEquals("ConnectException", TargetProbe.reason(new ConnectException()));
    }
}
