import io.llmbench.runtime.dataset.SyntheticPromptGenerator;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.HfTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.nio.file.Path;

/**
 * Measures prompt synthesis: N prompts of L tokens from the bundled corpus, exactly as the synthetic
 * dataset makes them (slice, decode, re-count, correct). Run from the repository root after
 * {@code mvn -B -o -q -pl runtime -am package -DskipTests}:
 *
 * <pre>java -cp runtime/target/llmbench.jar bench/SynthesisBench.java [prompts] [tokens] [tokenizer.json]</pre>
 *
 * Defaults: 100,000 prompts of 1,000 tokens with the offline fallback tokenizer (cl100k_base). Prints
 * wall time and process CPU time (the machine may be shared).
 */
public class SynthesisBench {

    public static void main(String[] args) throws Exception {
        int prompts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Tokenizer tokenizer = args.length > 2 ? HfTokenizer.load(Path.of(args[2]), args[2]) : new FallbackTokenizer();

        long setupStart = System.nanoTime();
        SyntheticPromptGenerator generator = new SyntheticPromptGenerator(tokenizer, 42L);
        long setupNs = System.nanoTime() - setupStart;
        System.out.printf("tokenizer %s; corpus %,d tokens, tokenized in %.2f s%n", tokenizer.name(),
                generator.corpusTokenCount(), setupNs / 1e9);

        // Batches as the synthetic dataset makes them (positions drawn in order, slices decoded and
        // re-counted in parallel); batches bound the memory the strings take.
        int batch = 10_000;
        generator.prompts(lengths(Math.max(1, prompts / 10), tokens)); // JIT warm-up
        long chars = 0;
        long exact = 0;
        long cpuStart = processCpuNs();
        long start = System.nanoTime();
        for (int done = 0; done < prompts; done += batch) {
            java.util.List<String> made = generator.prompts(lengths(Math.min(batch, prompts - done), tokens));
            for (int i = 0; i < made.size(); i++) {
                chars += made.get(i).length();
                // Checking every prompt's length would double the work measured; check one in a hundred.
                if (i % 100 == 0 && tokenizer.count(made.get(i)) == tokens) {
                    exact++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNs() - cpuStart) / 1e9;
        System.out.printf("%d cores; ", Runtime.getRuntime().availableProcessors());
        System.out.printf("%,d prompts of %,d tokens in %.2f s: %,.0f prompts/s, %,.0f tokens/s, %.0f chars/prompt;"
                + " %d of %d sampled prompts exactly %d tokens%n", prompts, tokens, seconds, prompts / seconds,
                (double) prompts * tokens / seconds, chars / (double) prompts, exact,
                (long) Math.ceil(prompts / (double) batch) * ((Math.min(batch, prompts) + 99) / 100), tokens);
        // On a shared machine wall time depends on the neighbours; CPU time says what the work costs.
        System.out.printf("CPU time %.2f s: %,.0f prompts per CPU-second; load average %.1f%n", cpuSeconds,
                prompts / cpuSeconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    private static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int[] lengths(int count, int tokens) {
        int[] lengths = new int[count];
        java.util.Arrays.fill(lengths, tokens);
        return lengths;
    }
}
