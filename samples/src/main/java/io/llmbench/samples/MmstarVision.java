package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;

/**
 * The design card's example: MMStar's questions with their images, four at a time, against a vision
 * model. The first run downloads {@code Lin-Chen/MMStar} from the Hugging Face Hub into the cache;
 * later runs (and {@code --offline}) read the cached copy.
 */
@LlmBenchmark(dataset = "mmstar", concurrency = 4)
public class MmstarVision { }
