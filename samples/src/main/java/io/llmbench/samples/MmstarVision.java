package io.llmbench.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.annotations.CheckResponse;
import io.llmbench.annotations.CustomizeRequest;
import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Slo;
import io.llmbench.runtime.dataset.DatasetEntry;
import java.util.Locale;

/**
 * The design card's example: MMStar's questions with their images, four at a time, against a vision
 * model, with the answer letter checked against the dataset's (an accuracy figure beside the
 * latencies). The first run downloads {@code Lin-Chen/MMStar} from the Hugging Face Hub into the
 * cache; later runs (and {@code --offline}) read the cached copy. The offline sample run leaves it out.
 */
@LlmBenchmark(dataset = "mmstar", concurrency = 4, outputTokens = 16)
@Slo(metric = "accuracy", min = 0.3)
public class MmstarVision {

    /** Greedy decoding: an accuracy figure should not depend on sampling. */
    @CustomizeRequest
    public void greedy(ObjectNode body) {
        body.put("temperature", 0);
    }

    /** The first letter A to D in the answer is the model's choice. */
    @CheckResponse
    public boolean sameLetter(String response, DatasetEntry entry) {
        if (entry.expectedAnswer() == null) {
            return false;
        }
        String upper = response.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c >= 'A' && c <= 'D' && (i + 1 == upper.length() || !Character.isLetter(upper.charAt(i + 1)))
                    && (i == 0 || !Character.isLetter(upper.charAt(i - 1)))) {
                return entry.expectedAnswer().strip().toUpperCase(Locale.ROOT).equals(String.valueOf(c));
            }
        }
        return false;
    }
}
