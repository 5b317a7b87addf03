package io.llmbench.runtime.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.net.URI;

/**
 * Checks before a run that something listens at the target, so that a server that is down gives
 * one clear line rather than one error per request.
 */
final class TargetProbe {

    private static final int TIMEOUT_MS = 5_000;

    private TargetProbe() {
    }

    static void check(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), TIMEOUT_MS);
        } catch (IOException e) {
            throw new TargetUnreachableException("cannot connect to " + url + " (" + reason(e) + "): is the server "
                    + "running and is --url right? Use --mock to run against the embedded mock server");
        }
    }

    /** Why the connection failed, in words: an unknown host's exception carries only the host name. */
    static String reason(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
