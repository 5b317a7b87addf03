package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where the requests of a {@link LlmBenchmark} class go and how they get there, named as the command
 * line's endpoint options ({@code docs/cli.md}, "Endpoint options"). Every attribute has an "unset"
 * sentinel (an empty string or array); settings resolve per attribute: command line, this class, its
 * superclasses, defaults. {@code --mock} replaces the annotated servers with the embedded mock server.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Endpoint {

    /**
     * The servers' base URLs ({@code --url}, repeatable), {@code http(s)://host:port[/base]} or a bare
     * {@code host:port}; requests go to them round-robin. Default: {@code http://localhost:8000}.
     */
    String[] urls() default {};

    /**
     * The models requests name ({@code --model}, repeatable), picked by {@link #modelSelectionStrategy()}.
     * The same setting as {@link LlmBenchmark#model()}: write one of the two. Default: {@code --model}.
     */
    String[] models() default {};

    /** How each request picks its model: {@code "round_robin"} or {@code "random"}. Default: round_robin. */
    String modelSelectionStrategy() default "";

    /** A path that replaces the endpoint type's own, e.g. {@code "/v1/my/chat"} ({@code --custom-endpoint}). */
    String customEndpoint() default "";

    /**
     * The JSON body of {@code endpointType = TEMPLATE} ({@code --template-body}) with {@code {{text}}},
     * {@code {{model}}}, {@code {{max_tokens}}}, {@code {{stream}}} placeholders; text not starting with
     * {@code {} names a file, read when the benchmark runs. Default: none.
     */
    String templateBody() default "";

    /** Dotted path to the text in a template endpoint's answers, e.g. {@code "choices.0.text"} ({@code --response-field}). */
    String responseField() default "";

    /** Speak HTTP/2 ({@code --http2}); one value. Default: false. */
    boolean[] http2() default {};

    /** Do not verify TLS certificates and host names ({@code --insecure}); one value. Default: false. */
    boolean[] insecure() default {};

    /**
     * Take input and output token counts from the server's {@code usage} and tokenize nothing
     * ({@code --use-server-token-count}); one value. Default: false (the client's tokenizer counts).
     */
    boolean[] useServerTokenCount() default {};

    /**
     * How requests use connections ({@code --connection-reuse-strategy}): {@code "pooled"} (reused by
     * any request), {@code "never"} (a new connection per request, closed after its response) or
     * {@code "sticky-user-sessions"} (one connection per multi-turn session, closed after its last
     * turn). HTTP/1.1 only. Default: pooled.
     */
    String connectionReuseStrategy() default "";
}
