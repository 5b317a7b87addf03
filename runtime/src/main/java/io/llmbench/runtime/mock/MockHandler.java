package io.llmbench.runtime.mock;

import java.io.IOException;
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
final class MockHandler extends Handler.Abstract.NonBlocking {

    /** Largest request body accepted (images arrive base64-encoded inside it). */
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final String JSON = "application/json";
    private static final String REQUEST_ID = "X-Request-ID";

    private final MockSettings settings;
    private final MockFaults faults;
    private final ScheduledExecutorService timer;
    private final long createdEpochSeconds = System.currentTimeMillis() / 1000;
    private final AtomicLong ids = new AtomicLong();

    MockHandler(MockSettings settings, ScheduledExecutorService timer) {
        this(settings, MockFaults.none(), timer);
    }

    MockHandler(MockSettings settings, MockFaults faults, ScheduledExecutorService timer) {
        this.settings = settings;
        this.faults = faults;
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
            case "/v1/embeddings", "/v1/ranking", "/rerank", "/v2/rerank", "/v1/responses", "/v1/messages",
                    "/generate", "/generate_stream" -> {
                if (!HttpMethod.POST.is(method)) {
                    return methodNotAllowed(response, callback, "POST");
                }
                Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES).whenComplete((body, failure) -> {
                    if (failure != null) {
                        sendError(response, callback, HttpStatus.BAD_REQUEST_400,
                                "request body could not be read: " + failure.getMessage(), "invalid_request_error");
                    } else {
                        answerOtherShape(path, body, arrivedNs, response, callback);
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
                            + "; the mock serves /v1/chat/completions, /v1/completions, " + String.join(", ",
                                    OtherShapes.PATHS) + ", /v1/models and /health",
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
        if (injectedError(response, callback)) {
            return;
        }
        MockFault fault = faults.any() ? faults.pick(ThreadLocalRandom.current().nextDouble()) : null;
        if (fault != null) {
            switch (fault) {
                case HTTP_500, HTTP_503, HTTP_429 -> {
                    int status = fault == MockFault.HTTP_500 ? 500 : fault == MockFault.HTTP_503 ? 503 : 429;
                    if (fault == MockFault.HTTP_429) {
                        response.getHeaders().put(HttpHeader.RETRY_AFTER, faults.retryAfterSeconds());
                    }
                    sendError(response, callback, status, "mock server injected fault: " + fault.cliName(),
                            fault == MockFault.HTTP_429 ? "rate_limit_exceeded" : "server_error");
                    return;
                }
                case NOT_SSE -> {
                    response.setStatus(HttpStatus.OK_200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, FaultShapes.HTML_PAGE.length);
                    response.write(true, ByteBuffer.wrap(FaultShapes.HTML_PAGE), callback);
                    return;
                }
                case SLOW_HEADERS -> {
                    long slowNs = TimeUnit.MILLISECONDS.toNanos(faults.slowHeadersMs());
                    timer.schedule(() -> respond(request, chat, arrivedNs + slowNs, null, response, callback, timingAsked),
                            slowNs, TimeUnit.NANOSECONDS);
                    return;
                }
                default -> {
                    // a fault inside the response, injected below
                }
            }
        }
        respond(request, chat, arrivedNs, fault, response, callback, timingAsked);
    }

    /**
     * Answers {@code request}, its output timed from {@code arrivedNs}, injecting {@code fault} (or none);
     * {@code timingAsked}: the client asked for the mock's own send timestamps (the performance harness).
     */
    private void respond(CompletionRequest request, boolean chat, long arrivedNs, MockFault fault, Response response,
            Callback callback, boolean timingAsked) {
        int tokens = request.maxTokens() > 0 ? request.maxTokens() : settings.outputTokens();
        String finishReason = request.maxTokens() > 0 ? "length" : "stop";
        String model = request.model() != null ? request.model() : settings.model();
        String id = (chat ? "chatcmpl-mock-" : "cmpl-mock-") + ids.incrementAndGet();
        ResponseShapes shapes = new ResponseShapes(chat, id, System.currentTimeMillis() / 1000, model,
                settings.reasoningTokens());
        long firstTokenNs = arrivedNs + toNanos(settings.ttftMs());
        long itlNs = toNanos(settings.itlMs());

        response.setStatus(HttpStatus.OK_200);
        if (request.stream()) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            if (itlNs == 0 && fault == null) {
                // Zero ITL: the whole stream in one write at its TTFT (10,000 held streams would
                // otherwise queue one timer task per token).
                Runnable whole = () -> WholeStream.write(response, callback, shapes, request, tokens, finishReason,
                        arrivedNs, timingAsked);
                long delay = firstTokenNs - System.nanoTime();
                if (delay <= 0) {
                    whole.run();
                } else {
                    timer.schedule(whole, delay, TimeUnit.NANOSECONDS);
                }
            } else {
                new TokenStream(response, callback, timer, shapes, request, tokens, finishReason, firstTokenNs, itlNs,
                        fault, faults, timingAsked ? arrivedNs : -1).start();
            }
        } else {
            String text = fault == MockFault.HUGE_EVENT
                    ? FaultShapes.hugeText(faults.hugeEventBytes()) : MockVocabulary.text(tokens);
            byte[] whole = shapes.body(text, finishReason, request.promptTokens(), tokens);
            long dueNs = firstTokenNs + (tokens - 1) * itlNs;
            Runnable write = () -> send(response, callback, HttpStatus.OK_200, whole);
            if (fault != null) {
                write = faultyBody(fault, whole, response, callback);
                if (fault == MockFault.STALL) {
                    // Headers now, then nothing until the body is due plus the stall.
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
                    response.write(false, ByteBuffer.allocate(0), Callback.NOOP);
                    dueNs += TimeUnit.MILLISECONDS.toNanos(faults.stallMs());
                }
            }
            long delay = dueNs - System.nanoTime();
            if (delay <= 0) {
                write.run();
            } else {
                timer.schedule(write, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Answers with a 500 for {@code --mock-error-rate} of requests; whether it did. */
    private boolean injectedError(Response response, Callback callback) {
        if (settings.errorRate() <= 0 || ThreadLocalRandom.current().nextDouble() >= settings.errorRate()) {
            return false;
        }
        sendError(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                "mock server injected error (error rate " + settings.errorRate() + ")", "server_error");
        return true;
    }

    /** Answers a request of a shape other than OpenAI chat and completions (see {@link OtherShapes}). */
    private void answerOtherShape(String path, byte[] body, long arrivedNs, Response response, Callback callback) {
        OtherShapes.Asked asked;
        try {
            asked = OtherShapes.parse(path, body);
        } catch (CompletionRequest.Invalid invalid) {
            sendError(response, callback, HttpStatus.BAD_REQUEST_400, invalid.getMessage(), "invalid_request_error");
            return;
        }
        if (injectedError(response, callback)) {
            return;
        }
        String model = asked.model() != null ? asked.model() : settings.model();
        long firstTokenNs = arrivedNs + toNanos(settings.ttftMs());
        long itlNs = toNanos(settings.itlMs());
        if (!OtherShapes.generative(asked)) {
            byte[] whole = OtherShapes.wholeAnswer(asked, model);
            sendAt(firstTokenNs, () -> send(response, callback, HttpStatus.OK_200, whole));
            return;
        }
        int tokens = asked.maxTokens() > 0 ? asked.maxTokens() : settings.outputTokens();
        String id = "mock-" + ids.incrementAndGet();
        if (asked.stream()) {
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            new EventStream(response, callback, timer, OtherShapes.streamEvents(asked, id, model, tokens), tokens,
                    firstTokenNs, itlNs).run();
        } else {
            byte[] whole = OtherShapes.generatedBody(asked, id, model, tokens);
            sendAt(firstTokenNs + (tokens - 1) * itlNs, () -> send(response, callback, HttpStatus.OK_200, whole));
        }
    }

    private void sendAt(long dueNs, Runnable write) {
        long delay = dueNs - System.nanoTime();
        if (delay <= 0) {
            write.run();
        } else {
            timer.schedule(write, delay, TimeUnit.NANOSECONDS);
        }
    }

    /** The write of a non-streaming body that carries {@code fault}. */
    private Runnable faultyBody(MockFault fault, byte[] whole, Response response, Callback callback) {
        return switch (fault) {
            case DROP -> () -> {
                response.setStatus(HttpStatus.OK_200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, whole.length);
                response.write(false, ByteBuffer.wrap(FaultShapes.truncated(whole)), Callback.from(
                        () -> callback.failed(new IOException("mock server injected fault: drop")), callback::failed));
            };
            case MALFORMED_EVENT -> () -> send(response, callback, HttpStatus.OK_200, FaultShapes.truncated(whole));
            case ERROR_EVENT -> () -> send(response, callback, HttpStatus.OK_200,
                    ResponseShapes.error("mock server injected fault: error_event", "server_error", 500));
            default -> () -> send(response, callback, HttpStatus.OK_200, whole);
        };
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
