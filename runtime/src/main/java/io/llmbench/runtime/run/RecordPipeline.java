package io.llmbench.runtime.run;

import io.llmbench.runtime.client.CompletedExchange;
import io.llmbench.runtime.client.SecretRedactor;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.RequestValues;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.record.RequestRecord;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Where completed exchanges become records, in two stages.
 *
 * <ol>
 *   <li>On a small pool, what is independent per request: the record (the stream's events merged),
 *       secrets redacted, and the metric values, which tokenize the prompt and the output. At high
 *       rates tokenizing is the costliest step of the whole client, so it must not be confined to
 *       one thread; it never runs on a network thread.
 *   <li>On ONE thread, in the order the first stage finishes, what is shared: aggregation, the export
 *       line, live progress, response checks, then whatever the caller chains (a session's next turn).
 * </ol>
 *
 * <p>A request's slot is released (its {@code done}) only after the second stage, so completed
 * exchanges can never pile up faster than they are processed. A failure in either stage is kept
 * (the first one) for the run to report, and the slot is still released.
 *
 * <p>With no first-stage threads, both stages run on the one ordered thread: one hand-off per
 * request instead of two, the choice when the client tokenizes nothing (see {@link #workersFor}).
 */
public final class RecordPipeline implements AutoCloseable {

    /**
     * One request ready for the shared stage.
     *
     * @param exchange what the client captured
     * @param record the record as measured
     * @param redacted the same with secrets redacted, for the exports
     * @param values its metric values
     */
    public record Prepared(CompletedExchange exchange, RequestRecord record, RequestRecord redacted,
            RequestValues values) {
    }

    private final ExecutorService preparing;
    private final ExecutorService ordered;
    private final SecretRedactor redactor;
    private final RequestMetrics metrics;
    private final Consumer<Prepared> consumer;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    /**
     * @param workers threads of the first stage
     * @param consumer the shared stage, called on one thread
     */
    public RecordPipeline(int workers, SecretRedactor redactor, RequestMetrics metrics, Consumer<Prepared> consumer) {
        AtomicInteger number = new AtomicInteger();
        this.preparing = workers == 0 ? null : Executors.newFixedThreadPool(workers, r -> daemon(r,
                "llmbench-records-" + number.incrementAndGet()));
        this.ordered = Executors.newSingleThreadExecutor(r -> daemon(r, "llmbench-records"));
        this.redactor = redactor;
        this.metrics = metrics;
        this.consumer = consumer;
    }

    /**
     * First-stage threads for a run that counts tokens as {@code source} says: with the client's
     * tokenizer, half the machine's cores, at least one (tokenizing is the costliest step); with the
     * server's counts, none, since the stage is then a few microseconds, less than the hand-off to
     * another thread costs (about 9% of the client's CPU per stream at concurrency 32, measured
     * against the mock's own CPU). The system property {@code llmbench.recordWorkers} overrides it.
     */
    public static int workersFor(TokenCountSource source) {
        Integer chosen = Integer.getInteger("llmbench.recordWorkers");
        if (chosen != null && chosen >= 0) {
            return chosen;
        }
        return source == TokenCountSource.SERVER ? 0 : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Processes {@code exchange} through both stages.
     *
     * @param then called on the shared stage's thread after the consumer, with the record as
     *     measured (not redacted), or {@code null}
     * @param done releases the request's slot; always called, last
     */
    public void submit(CompletedExchange exchange, Consumer<RequestRecord> then, Runnable done) {
        if (preparing == null) {
            ordered.execute(() -> {
                Prepared prepared = prepare(exchange);
                if (prepared == null) {
                    done.run();
                } else {
                    consume(prepared, then, done);
                }
            });
            return;
        }
        preparing.execute(() -> {
            Prepared prepared = prepare(exchange);
            ordered.execute(prepared == null ? done : () -> consume(prepared, then, done));
        });
    }

    /** The first stage; {@code null} after a failure, which is kept. */
    private Prepared prepare(CompletedExchange exchange) {
        try {
            RequestRecord record = exchange.toRecord();
            RequestRecord redacted = redactor.redact(record);
            return new Prepared(exchange, record, redacted, metrics.compute(redacted));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            return null;
        }
    }

    /** The second stage, on the ordered thread; the slot is released last, whatever happens. */
    private void consume(Prepared prepared, Consumer<RequestRecord> then, Runnable done) {
        try {
            consumer.accept(prepared);
            if (then != null) {
                then.accept(prepared.record());
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            done.run();
        }
    }

    /** Runs {@code task} on the shared stage's thread, after what reached it before. */
    public void executeOrdered(Runnable task) {
        ordered.execute(task);
    }

    /** Waits until everything submitted went through both stages (at most a minute for each). */
    public void drain() throws InterruptedException {
        if (preparing != null) {
            preparing.shutdown();
            preparing.awaitTermination(1, TimeUnit.MINUTES);
        }
        ordered.shutdown();
        ordered.awaitTermination(1, TimeUnit.MINUTES);
    }

    /** The first failure of either stage, or {@code null}. */
    public RuntimeException failure() {
        return failure.get();
    }

    @Override
    public void close() {
        if (preparing != null) {
            preparing.shutdownNow();
        }
        ordered.shutdownNow();
    }
}
