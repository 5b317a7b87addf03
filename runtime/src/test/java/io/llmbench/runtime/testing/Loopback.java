package io.llmbench.runtime.testing;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Where every test server listens: 127.0.0.1, on a port the system picks, never a fixed one. */
public final class Loopback {

    private Loopback() {
    }

    /** Binds {@code connector} to 127.0.0.1 on an ephemeral port and adds it to {@code server}. */
    public static ServerConnector listen(Server server, ServerConnector connector) {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        return connector;
    }
}
