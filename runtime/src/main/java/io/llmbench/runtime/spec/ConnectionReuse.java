package io.llmbench.runtime.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How requests use connections ({@code --connection-reuse-strategy}, AIPerf's names). Over HTTP/1.1
 * only: HTTP/2 multiplexes every request over few connections.
 */
public enum ConnectionReuse {
    /** Connections are pooled and reused by any request (the default, and the cheapest). */
    POOLED("pooled"),
    /** Every request opens a connection of its own, closed after its response: TCP setup included. */
    NEVER("never"),
    /**
     * Every turn of a multi-turn session goes over the session's own connection, closed after its
     * last turn, so that a load balancer with connection affinity sends a conversation to one backend.
     */
    STICKY_USER_SESSIONS("sticky-user-sessions");

    private final String cliName;

    ConnectionReuse(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in the annotation. */
    public String cliName() {
        return cliName;
    }

    /** The strategy named {@code name} (case-insensitive, {@code _} for {@code -}), or {@code null}. */
    public static ConnectionReuse fromCliName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ConnectionReuse reuse : values()) {
            if (reuse.cliName.equals(wanted)) {
                return reuse;
            }
        }
        return null;
    }

    /** The names, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(ConnectionReuse::cliName).collect(Collectors.joining(", "));
    }
}
