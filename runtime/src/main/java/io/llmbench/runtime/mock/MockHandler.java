package io.llmbench.runtime.mock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes the mock's endpoints and answers them asynchronously: bodies are read without blocking,
 * and every delayed write is scheduled on the timer, never slept for.
 */
final class MockHandler extends Handler.Abstract {

    /** Largest request body accepted (images arrive base64-encoded inside it). */
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final String JSON = "application/json";
    private static final String REQUEST_ID = "X-Request-ID";

    private final MockSettings settings;
    private final ScheduledExecutorService timer;
    private final long createdEpochSeconds = System.currentTimeMillis() / 1000;
    private final AtomicLong ids = new AtomicLong();

    MockHandler(MockSettings settings, ScheduledExecutorService timer) {
        this.settings = settings;
        this.timer = timer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long arrivedNs = System.nanoTime();
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        String requestId = request.getHeaders().get(REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().put(REQUEST_ID, requestId);
        }
        switch (path) {
            case "/v1/chat/completions", "/v1/completions" -> {
                if (!HttpMethod.POST.is(method)) {
                    return methodNotAllowed(response, callback, "POST");
                }
                boolean chat = path.equals("/v1/chat/completions");
                Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES).whenComplete((body, failure) -> {
                    if (failure != null) {
                        sendError(response, callback, HttpStatus.BAD_REQUEST_400,
                                "request body could not be read: " + failure.getMessage(), "invalid_request_error");
                    } else {
                        complete(body, chat, arrivedNs, response, callback,
                                request.getHeaders().contains(WholeStream.TIMING_HEADER));
                    }
                });
            }
            case "/v1/models" -> {
                if (!HttpMethod.GET.is(method)) {
                    return methodNotAllowed(response, callback, "GET");
                }
                send(response, callback, HttpStatus.OK_200, ResponseShapes.models(settings.model(), createdEpochSeconds));
            }
            case "/health" -> {
                if (!HttpMethod.GET.is(method)) {
                    return methodNotAllowed(response, callback, "GET");
                }
                send(response, callback, HttpStatus.OK_200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
            }
            default -> sendError(response, callback, HttpStatus.NOT_FOUND_404,
                    "no route for " + method + " " + path
                            + "; the mock serves /v1/chat/completions, /v1/completions, /v1/models and /health",
                    "not_found_error");
        }
        return true;
    }

    private void complete(byte[] body, boolean chat, long arrivedNs, Response response, Callback callback,
            boolean timingAsked) {
        CompletionRequest request;
        try {
            request = CompletionRequest.parse(body, chat);
        } catch (CompletionRequest.Invalid invalid) {
            sendError(response, callback, HttpStatus.BAD_REQUEST_400, invalid.getMessage(), "invalid_request_error");
            return;
        }
        if (settings.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.errorRate()) {
            sendError(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                    "mock server injected error (error rate " + settings.errorRate() + ")", "server_error");
            return;
        }
        int tokens = request.maxTokens() > 0 ? request.maxTokens() : settings.outputTokens();
        String finishReason = request.maxTokens() > 0 ? "length" : "stop";
        String model = request.model() != null ? request.model() : settings.model();
        String id = (chat ? "chatcmpl-mock-" : "cmpl-mock-") + ids.incrementAndGet();
        ResponseShapes shapes = new ResponseShapes(chat, id, System.currentTimeMillis() / 1000, model);
        long firstTokenNs = arrivedNs + toNanos(settings.ttftMs());
        long itlNs = toNanos(settings.itlMs());

        response.setStatus(HttpStatus.OK_200);
        if (request.stream()) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            if (itlNs == 0) {
                Runnable whole = () -> WholeStream.write(response, callback, shapes, request, tokens, finishReason,
                        arrivedNs, timingAsked);
                long delay = firstTokenNs - System.nanoTime();
                if (delay <= 0) {
                    whole.run();
                } else {
                    timer.schedule(whole, delay, TimeUnit.NANOSECONDS);
                }
            } else {
                new TokenStream(response, callback, timer, shapes, request, tokens, finishReason, firstTokenNs, itlNs)
                        .start();
            }
        } else {
            byte[] whole = shapes.body(MockVocabulary.text(tokens), finishReason, request.promptTokens(), tokens);
            long dueNs = firstTokenNs + (tokens - 1) * itlNs;
            Runnable write = () -> send(response, callback, HttpStatus.OK_200, whole);
            long delay = dueNs - System.nanoTime();
            if (delay <= 0) {
                write.run();
            } else {
                timer.schedule(write, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    private boolean methodNotAllowed(Response response, Callback callback, String allowed) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        sendError(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "use " + allowed + " on this path",
                "invalid_request_error");
        return true;
    }

    private static void sendError(Response response, Callback callback, int status, String message, String type) {
        send(response, callback, status, ResponseShapes.error(message, type, status));
    }

    private static void send(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static long toNanos(double millis) {
        return Math.round(millis * 1_000_000d);
    }
}
