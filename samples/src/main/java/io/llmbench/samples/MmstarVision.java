package io.llmbench.samples;

import io.llmbench.annotations.LlmBenchmark;

/**
 * The design card's example: MMStar's questions with their images, four at a time, against a vision
 * model. It needs the Hugging Face Hub (network), so the offline sample run leaves it out.
 */
@LlmBenchmark(dataset = "mmstar", concurrency = 4)
public class MmstarVision { }
