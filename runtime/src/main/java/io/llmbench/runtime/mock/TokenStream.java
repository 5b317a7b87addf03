package io.llmbench.runtime.mock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes one streaming response on a timer: the role event (chat) at once, then token {@code i}
 * at {@code arrival + ttft + i * itl} (times kept from the arrival, so a late tick does not
 * delay the rest), then the usage event when asked for, and {@code data: [DONE]}. Each write
 * starts only after the previous one completed; nothing ever waits on a Jetty thread.
 *
 * <p>An injected {@link MockFault} strikes at token {@code tokens / 2}, after the first token was
 * sent whenever there are two or more.
 */
final class TokenStream implements Runnable {

    private final Response response;
    private final Callback done;
    private final ScheduledExecutorService timer;
    private final ResponseShapes shapes;
    private final CompletionRequest request;
    private final int tokens;
    private final String finishReason;
    private final long itlNs;
    private final MockFault fault;
    private final MockFaults faults;
    private final int faultStep;
    /** When the request arrived, for the timing event; {@code -1} when the client did not ask for it. */
    private final long timingArrivedNs;
    /** Not final: a stall pushes back every token after it. */
    private long firstTokenNs;
    private boolean stalled;

    /** The next step: -1 is the role event, 0..tokens-1 the tokens, tokens the end. */
    private int step;

    TokenStream(Response response, Callback done, ScheduledExecutorService timer, ResponseShapes shapes,
            CompletionRequest request, int tokens, String finishReason, long firstTokenNs, long itlNs) {
        this(response, done, timer, shapes, request, tokens, finishReason, firstTokenNs, itlNs, null,
                MockFaults.none(), -1);
    }

    /**
     * A stream that injects {@code fault} ({@code null} for none) with the parameters of {@code faults};
     * with {@code timingArrivedNs} (the request's arrival, or {@code -1} for none) the first token comes
     * after the timing event, stamped as it is written.
     */
    TokenStream(Response response, Callback done, ScheduledExecutorService timer, ResponseShapes shapes,
            CompletionRequest request, int tokens, String finishReason, long firstTokenNs, long itlNs,
            MockFault fault, MockFaults faults, long timingArrivedNs) {
        this.response = response;
        this.done = done;
        this.timer = timer;
        this.shapes = shapes;
        this.request = request;
        this.tokens = tokens;
        this.finishReason = finishReason;
        this.firstTokenNs = firstTokenNs;
        this.itlNs = itlNs;
        this.fault = fault;
        this.faults = faults;
        this.faultStep = tokens / 2;
        this.timingArrivedNs = timingArrivedNs;
        this.step = request.chat() ? -1 : 0;
    }

    /** Writes the first step now. */
    void start() {
        run();
    }

    @Override
    public void run() {
        int current = step;
        if (current == -1) {
            write(false, shapes.roleEvent());
        } else if (current == faultStep && fault != null && injectFault(current)) {
            return;
        } else if (current < tokens) {
            String reason = current == tokens - 1 ? finishReason : null;
            byte[] token = shapes.tokenEvent(current, MockVocabulary.token(current), reason);
            write(false, current == 0 && timingArrivedNs >= 0 ? WholeStream.stamped(timingArrivedNs, token)
                    : ByteBuffer.wrap(token));
        } else {
            byte[] tail = request.includeUsage()
                    ? shapes.usageEventAndDone(request.promptTokens(), tokens)
                    : shapes.done();
            response.write(true, ByteBuffer.wrap(tail), done);
        }
    }

    /** Injects the fault at token {@code current}; false when the token is to be written as usual after all. */
    private boolean injectFault(int current) {
        String reason = current == tokens - 1 ? finishReason : null;
        switch (fault) {
            case DROP -> done.failed(new IOException("mock server injected fault: drop"));
            case MALFORMED_EVENT -> write(false, FaultShapes.malformedEvent());
            case ERROR_EVENT -> response.write(true, ByteBuffer.wrap(FaultShapes.errorEventAndDone()), done);
            case HUGE_EVENT -> write(false, shapes.tokenEvent(FaultShapes.hugeText(faults.hugeEventBytes()), reason));
            case STALL -> {
                if (stalled) {
                    return false;
                }
                stalled = true;
                firstTokenNs += TimeUnit.MILLISECONDS.toNanos(faults.stallMs());
                long delay = firstTokenNs + current * itlNs - System.nanoTime();
                timer.schedule(this, Math.max(0, delay), TimeUnit.NANOSECONDS);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void write(boolean last, byte[] bytes) {
        write(last, ByteBuffer.wrap(bytes));
    }

    private void write(boolean last, ByteBuffer bytes) {
        response.write(last, bytes, Callback.from(this::next, done::failed));
    }

    private void next() {
        step++;
        long due = step >= tokens ? System.nanoTime() : firstTokenNs + step * itlNs;
        long delay = due - System.nanoTime();
        if (delay <= 0) {
            timer.execute(this);
        } else {
            timer.schedule(this, delay, TimeUnit.NANOSECONDS);
        }
    }
}
