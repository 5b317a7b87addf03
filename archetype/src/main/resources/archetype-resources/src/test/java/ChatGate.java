package ${package};

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Slo;

/**
 * The SLO gate: {@code mvn test} runs this benchmark (one test per sweep point) and fails when an
 * {@code @Slo} is missed. Point it at a server with {@code -Dllmbench.args="--url host:port --model m"}.
 */
@LlmBenchmark(concurrency = 2, requestCount = 10, inputTokensMean = 64, outputTokens = 16)
@Slo(metric = "time_to_first_token", statistic = "p99", max = 2000)
@Slo(metric = "error_request_count", max = 0)
public class ChatGate {
}
