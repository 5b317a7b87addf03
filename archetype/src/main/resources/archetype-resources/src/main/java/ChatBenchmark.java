package ${package};

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Slo;

/**
 * A chat benchmark: synthetic prompts, a concurrency sweep. Run it with
 * {@code java -jar target/benchmarks.jar --mock} (the embedded mock server) or
 * {@code java -jar target/benchmarks.jar --url 127.0.0.1:8000 --model <served model>}.
 */
@LlmBenchmark(concurrency = {1, 4}, requestCount = 20, inputTokensMean = 128, outputTokens = 32)
@Slo(metric = "time_to_first_token", statistic = "p99", max = 2000)
public class ChatBenchmark {
}
