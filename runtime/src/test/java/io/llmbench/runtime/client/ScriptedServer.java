package io.llmbench.runtime.client;

import io.llmbench.runtime.testing.Loopback;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real Jetty server on loopback that answers every request with one scripted response: a status,
 * a content type, body pieces written after given delays, and an ending (complete, abort the
 * connection, or stall forever). It records the headers and bodies it received.
 */
final class ScriptedServer implements AutoCloseable {

    enum Ending { COMPLETE, ABORT, STALL }

    record Step(long delayMs, byte[] bytes) {
    }

    record Received(String method, String path, HttpFields headers, String body) {
    }

    private final Server server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final URI uri;

    private ScriptedServer(int status, String contentType, List<Step> steps, Ending ending) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        Loopback.listen(server, connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((body, failure) -> {
                    received.add(new Received(request.getMethod(), Request.getPathInContext(request),
                            request.getHeaders().asImmutable(), body));
                    response.setStatus(status);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
                    play(response, callback, steps, 0, ending);
                });
                return true;
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** A server that plays {@code steps} and then ends as told. */
    static ScriptedServer start(int status, String contentType, List<Step> steps, Ending ending) throws Exception {
        return new ScriptedServer(status, contentType, steps, ending);
    }

    /** Steps written back to back, without delays. */
    static List<Step> immediately(String... pieces) {
        List<Step> steps = new ArrayList<>();
        for (String piece : pieces) {
            steps.add(new Step(0, piece.getBytes(StandardCharsets.UTF_8)));
        }
        return steps;
    }

    private void play(Response response, Callback callback, List<Step> steps, int index, Ending ending) {
        if (index == steps.size()) {
            switch (ending) {
                case COMPLETE -> response.write(true, ByteBuffer.allocate(0), callback);
                case ABORT -> callback.failed(new Exception("scripted abort"));
                case STALL -> { }
            }
            return;
        }
        Step step = steps.get(index);
        Runnable write = () -> response.write(false, ByteBuffer.wrap(step.bytes()),
                Callback.from(() -> play(response, callback, steps, index + 1, ending), callback::failed));
        if (step.delayMs() > 0) {
            timer.schedule(write, step.delayMs(), TimeUnit.MILLISECONDS);
        } else {
            write.run();
        }
    }

    URI uri() {
        return uri;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        server.stop();
    }
}
