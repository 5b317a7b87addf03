package io.llmbench.runtime.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;

/**
 * The connections of {@code --connection-reuse-strategy sticky-user-sessions}: each session's turns
 * go to one server over one connection of its own, opened for its first turn outside Jetty's pool
 * and closed once its last turn has completed, so that a load balancer with connection affinity
 * keeps a conversation on one backend (and its prefix cache warm). A session's turns are sent one
 * after another, so a connection carries one exchange at a time. A connection the server closed
 * between turns (or that an aborted turn closed) is replaced for the next turn.
 */
final class SessionConnections {

    /** A session's server, and its connection once asked for. */
    private static final class Lease {
        final URI uri;
        CompletableFuture<Connection> connection;

        Lease(URI uri) {
            this.uri = uri;
        }
    }

    private final HttpClient http;
    private final Map<Object, Lease> bySession = new ConcurrentHashMap<>();

    SessionConnections(HttpClient http) {
        this.http = http;
    }

    /** The server {@code session}'s turns go to: drawn from {@code next} for its first turn. */
    URI uri(Object session, Supplier<URI> next) {
        return bySession.computeIfAbsent(session, key -> new Lease(next.get())).uri;
    }

    /**
     * Sends {@code request} (made for {@link #uri}) over {@code session}'s connection, opening it
     * first if needed: then {@code listener} completes with the exchange, or else
     * {@code connectFailed} is told why the connection could not be opened (the request was never sent).
     *
     * @param last whether this is the session's last turn: its connection is closed once it completes
     */
    void send(Object session, boolean last, Request request, Response.CompleteListener listener,
            Consumer<Throwable> connectFailed) {
        Lease lease = bySession.computeIfAbsent(session, key -> new Lease(request.getURI()));
        CompletableFuture<Connection> connection;
        synchronized (lease) {
            CompletableFuture<Connection> open = lease.connection;
            if (open == null || open.isCompletedExceptionally() || (open.isDone() && open.join().isClosed())) {
                open = http.resolveDestination(request).newConnection();
                lease.connection = open;
            }
            connection = open;
        }
        Response.CompleteListener closing = last ? result -> {
            try {
                listener.onComplete(result);
            } finally {
                bySession.remove(session);
                connection.thenAccept(Connection::close);
            }
        } : listener;
        connection.whenComplete((opened, failure) -> {
            if (failure != null) {
                if (last) {
                    bySession.remove(session);
                }
                connectFailed.accept(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
                return;
            }
            opened.send(request, closing);
        });
    }

    /** Closes the connections of sessions that did not reach their last turn (their phase ended first). */
    void closeAll() {
        for (Object session : bySession.keySet()) {
            Lease lease = bySession.remove(session);
            if (lease != null) {
                synchronized (lease) {
                    if (lease.connection != null) {
                        lease.connection.thenAccept(Connection::close);
                    }
                }
            }
        }
    }
}
