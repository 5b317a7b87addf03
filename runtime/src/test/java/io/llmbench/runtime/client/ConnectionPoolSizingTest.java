package io.llmbench.runtime.client;

import static io.llmbench.runtime.client.Exchanges.chat;
import static io.llmbench.runtime.client.Exchanges.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.spec.TargetSpec;
import io.llmbench.runtime.testing.Loopback;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * The client's connection pool is sized from the load, not left at Jetty's 64 connections per
 * destination: a server that answers nobody until every request of the load has arrived proves that
 * they were all on the wire at once (with Jetty's default, the 65th would wait in the client's queue
 * for a connection that never frees).
 */
class ConnectionPoolSizingTest {

    private static final String ANSWER = "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    @Test
    void moreRequestsInFlightThanJettysDefaultPoolAllReachTheServerAtOnce() throws Exception {
        int inFlight = 100;
        CountDownLatch allArrived = new CountDownLatch(inFlight);
        ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();
        Server server = new Server(new QueuedThreadPool(16, 4));
        ServerConnector connector = new ServerConnector(server);
        Loopback.listen(server, connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                // Held without blocking a server thread: answered only once all have arrived.
                held.add(() -> {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.write(true, ByteBuffer.wrap(ANSWER.getBytes(StandardCharsets.UTF_8)), callback);
                });
                allArrived.countDown();
                return true;
            }
        });
        server.start();
        try {
            TargetSpec target = chat(URI.create("http://127.0.0.1:" + connector.getLocalPort()), false);
            ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
            CountDownLatch done = new CountDownLatch(inFlight);
            try (EndpointClient client = new EndpointClient(target, inFlight)) {
                for (int i = 0; i < inFlight; i++) {
                    client.send(request(target, "prompt " + i, 4), exchange -> {
                        records.add(exchange.toRecord());
                        done.countDown();
                    });
                }
                boolean arrived = allArrived.await(20, TimeUnit.SECONDS);
                List<Runnable> answers = new ArrayList<>(held);
                answers.forEach(Runnable::run);
                assertTrue(arrived, "only " + (inFlight - allArrived.getCount()) + " of " + inFlight
                        + " requests reached the server at once: the pool is smaller than the load");
                assertTrue(done.await(20, TimeUnit.SECONDS), "only " + (inFlight - done.getCount()) + " completed");
            }
            assertEquals(inFlight, records.size());
            for (RequestRecord record : records) {
                assertNull(record.error(), () -> "unexpected error " + record.error());
            }
        } finally {
            server.stop();
        }
    }
}
