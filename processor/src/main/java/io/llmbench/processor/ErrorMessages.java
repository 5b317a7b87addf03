package io.llmbench.processor;

/**
 * Every compile error the processor reports, as {@link String#format} templates. Each says what is
 * wrong and how to fix it; {@code docs/annotations.md} lists them with examples, and each has a
 * compile-testing test.
 */
final class ErrorMessages {

    // Class shape: reported at the class and its annotation.

    /** Args: class, what it is instead ("an interface", "an enum", ...). */
    static final String NOT_A_CLASS =
            "@LlmBenchmark must be on a class, but %s is %s; move the annotation to a public class";
    /** Args: class. */
    static final String NOT_PUBLIC =
            "@LlmBenchmark class %s is not public; add the public modifier so the benchmark can be found and run";
    /** Args: class. */
    static final String INNER_CLASS =
            "@LlmBenchmark class %s is an inner class; make it static, or move it to the top level";
    /** Args: class, enclosing class. */
    static final String ENCLOSING_NOT_PUBLIC =
            "@LlmBenchmark class %s is nested in %s, which is not public; make the enclosing class public,"
                    + " or move the benchmark to the top level";
    /** Args: class. */
    static final String NO_PUBLIC_NO_ARG_CONSTRUCTOR =
            "@LlmBenchmark class %s has no public constructor without parameters; add one,"
                    + " or remove every constructor to get the implicit one";
    /** Args: generated class, annotated class, the Filer's reason. */
    static final String GENERATED_CLASS_CLASH =
            "cannot generate %s for @LlmBenchmark class %s (%s): another type already has that name,"
                    + " such as the runner of a nested benchmark whose names join to the same name; rename one of them";

    // Attribute values: reported at the value itself.

    /** Args: the dataset written, the known names. */
    static final String DATASET_UNKNOWN =
            "dataset \"%s\" is not a known dataset; use one of %s, or \"file:<path>\" to read a file";
    /** Args: attribute, attribute. */
    static final String EMPTY_LIST =
            "%s = {} lists no values; write at least one value, or leave %s out to use the default";
    /** Args: attribute, value, minimum, attribute. */
    static final String BELOW_MINIMUM =
            "%s = %d is too small; write a value of at least %d, or leave %s out to use the default";
    /** Args: attribute, value. */
    static final String DUPLICATE_VALUE =
            "%s lists %s more than once; list each value once";
    static final String ENDPOINT_TYPE_UNSET =
            "endpointType = UNSET is the \"not set\" sentinel; write CHAT or COMPLETIONS,"
                    + " or leave endpointType out to use the default (CHAT)";
    static final String MODEL_BLANK =
            "model is blank; write the model name the server serves (for example \"Qwen/Qwen2-VL-2B-Instruct\"),"
                    + " or leave model out to take it from --model";
    static final String RANDOM_SEED_UNSET =
            "randomSeed = Long.MIN_VALUE is the \"not set\" sentinel (LlmBenchmark.UNSET_LONG);"
                    + " write any other seed, or leave randomSeed out to use the default (0)";
    static final String GOODPUT_BLANK =
            "goodput is blank; write SLOs as tag:value pairs separated by spaces, for example"
                    + " \"time_to_first_token:200 inter_token_latency:20\", or leave goodput out";
    /** Args: the entry. */
    static final String GOODPUT_NOT_A_PAIR =
            "goodput entry \"%s\" is not tag:value; write pairs such as \"time_to_first_token:200\","
                    + " separated by spaces";
    /** Args: the tag, the known tags. */
    static final String GOODPUT_UNKNOWN_TAG =
            "goodput names unknown metric \"%s\"; use one of %s";
    /** Args: the value, the tag, the tag. */
    static final String GOODPUT_BAD_VALUE =
            "goodput value \"%s\" for %s is not a positive number; write a finite number greater than 0"
                    + " in the metric's display unit, for example %s:200";
    /** Args: the tag. */
    static final String GOODPUT_DUPLICATE_TAG =
            "goodput sets %s more than once; give each metric one SLO";

    /** Args: the format written. */
    static final String IMAGE_FORMAT_UNKNOWN =
            "imageFormat = \"%s\" is not supported; write \"png\" or \"jpeg\", or leave imageFormat out (png)";
    /** Args: annotation, attribute, the other annotation, its attribute. */
    static final String SAME_SETTING_TWICE =
            "@%s(%s) sets what @%s(%s) on the same class already sets; write it in one place only";
    /** Args: attribute, dataset. */
    static final String SYNTHETIC_SETTING_NOT_SYNTHETIC =
            "%s shapes synthetic prompts, but the dataset is \"%s\"; remove %s, or use dataset = \"synthetic\""
                    + " or \"synthetic-vision\"";
    /** Args: attribute. */
    static final String SYNTHETIC_SETTING_CUSTOM_DATASET =
            "%s shapes synthetic prompts, but the @CustomDataset method supplies the dataset; remove %s";
    /** Args: attribute, attribute. */
    static final String IMAGE_SETTING_TEXT_ONLY =
            "%s sizes synthetic images, but dataset \"synthetic\" has none; use dataset = \"synthetic-vision\""
                    + " or remove %s";
    /** Args: the streaming-only metrics named. */
    static final String STREAMING_ONLY_SLO =
            "streaming = false contradicts the SLOs on %s, which are measured on streaming responses only;"
                    + " stream (streaming = true), or drop those SLOs";
    /** Args: metric, the known metrics. */
    static final String SLO_UNKNOWN_METRIC =
            "@Slo metric \"%s\" is not a metric an SLO can judge; use one of %s";
    /** Args: statistic, metric, the known statistics. */
    static final String SLO_UNKNOWN_STATISTIC =
            "@Slo statistic \"%s\" for %s is not a statistic; use one of %s";
    /** Args: metric. */
    static final String SLO_STATISTIC_ON_RUN_LEVEL =
            "@Slo on %s names a statistic, but %s is a run-level metric with one value; remove statistic";
    /** Args: metric. */
    static final String SLO_NO_BOUND =
            "@Slo on %s has neither max nor min; write max = ... (at most) or min = ... (at least)";
    /** Args: metric. */
    static final String SLO_BOTH_BOUNDS =
            "@Slo on %s has both max and min; write one @Slo per bound";
    /** Args: metric. */
    static final String SLO_NOT_FINITE =
            "@Slo on %s has a bound that is not a finite number; write a number in the metric's display unit";

    /** Args: the entry. */
    static final String EXTRA_INPUT_NOT_A_PAIR =
            "extraInputs entry \"%s\" is not key:value; write fields such as \"ignore_eos:true\" or \"temperature:0\"";
    /** Args: the entry. */
    static final String HEADER_NOT_A_PAIR =
            "headers entry \"%s\" is not Name:value; write headers such as \"X-Tenant:a\"";
    /** Args: what ("extra input", "header"), the name. */
    static final String PAIR_NAME_TWICE =
            "%s %s is set more than once; set each once";
    /** Args: the value. */
    static final String TIMEOUT_NOT_POSITIVE =
            "timeoutSeconds = %s is not a positive number of seconds; write a finite number greater than 0,"
                    + " or leave timeoutSeconds out (600)";

    // Hook methods: reported at the method.

    /** Args: hook annotation, method, the right declarations. */
    static final String HOOK_SIGNATURE =
            "@%s method %s has the wrong signature; declare it as %s";
    /** Args: hook annotation, method, the right declarations. */
    static final String HOOK_NOT_PUBLIC_INSTANCE =
            "@%s method %s must be a public instance method without type parameters, so the generated runner"
                    + " can call it; declare it as %s";
    /** Args: hook annotation, method, the exception type. */
    static final String HOOK_CHECKED_EXCEPTION =
            "@%s method %s declares the checked exception %s; catch it inside the method, or rethrow it"
                    + " as an unchecked exception";
    /** Args: hook annotation, the first method, the second method, hook annotation. */
    static final String HOOK_DUPLICATE =
            "@%s is on both %s and %s; a benchmark has at most one @%s method, so remove one of them";
    /** Args: the dataset written, the @CustomDataset method. */
    /** Args: the prompt's index. */
    static final String PROMPT_BLANK =
            "prompts[%d] is blank; write the text to send, or remove it";
    /** Args: the dataset. */
    static final String PROMPTS_AND_DATASET =
            "prompts are the dataset (sent as they are), so they contradict dataset = \"%s\"; remove one of them";
    /** Args: the @CustomDataset method. */
    static final String PROMPTS_AND_CUSTOM_DATASET =
            "prompts are the dataset, so they contradict the @CustomDataset method %s; remove one of them";
    static final String DATASET_AND_CUSTOM_DATASET =
            "dataset = \"%s\" contradicts the @CustomDataset method %s, which supplies the dataset;"
                    + " remove the dataset attribute or the method";

    // The processor itself: reported without an element.

    /** Args: the stack trace. */
    static final String UNEXPECTED_FAILURE =
            "LlmBenchmarkProcessor failed unexpectedly; this is a bug in llmbench, please report it with"
                    + " this stack trace:%n%s";
    /** Args: file, reason. */
    static final String WRITE_FAILED =
            "LlmBenchmarkProcessor could not write %s (%s); check that the output directory is writable";

    private ErrorMessages() {
    }

    // @Load: values reported at the value itself, contradictions at the value that has to go.

    /** Args: the rate written. */
    static final String REQUEST_RATE_NOT_POSITIVE =
            "requestRate = %s is not a positive number of requests per second; write a finite number greater"
                    + " than 0, or leave requestRate out to run closed loop";
    static final String ARRIVAL_PATTERN_UNSET =
            "arrivalPattern = UNSET is the \"not set\" sentinel; write CONSTANT, POISSON, GAMMA or"
                    + " CONCURRENCY_BURST, or leave arrivalPattern out to use the default (POISSON)";
    /** Args: attribute, value, attribute, what the default does. */
    static final String LOAD_NOT_POSITIVE =
            "%s = %s is not a number greater than 0; write a finite number greater than 0, or leave %s out (%s)";
    /** Args: value. */
    static final String GRACE_PERIOD_NEGATIVE =
            "benchmarkGracePeriod = %s is not a number of seconds; write 0 or more (Double.POSITIVE_INFINITY"
                    + " waits for every request), or leave benchmarkGracePeriod out (30)";
    /** Args: value. */
    static final String CANCELLATION_DELAY_NEGATIVE =
            "requestCancellationDelay = %s is not a number of seconds; write a finite number of at least 0,"
                    + " or leave requestCancellationDelay out (0)";
    /** Args: value. */
    static final String CANCELLATION_RATE_NOT_PERCENT =
            "requestCancellationRate = %s is not a percentage; write a number greater than 0 and at most 100,"
                    + " or leave requestCancellationRate out (0)";
    /** Args: value, the most. */
    static final String PROFILE_RUNS_TOO_MANY =
            "numProfileRuns = %d is too large; write a value from 1 to %d, or leave numProfileRuns out (1)";
    /** Args: the pattern written. */
    static final String SMOOTHNESS_NOT_GAMMA =
            "arrivalSmoothness shapes the GAMMA arrival pattern only, but arrivalPattern is %s; remove"
                    + " arrivalSmoothness, or write arrivalPattern = ArrivalPattern.GAMMA";
    static final String GRACE_WITHOUT_DURATION =
            "benchmarkGracePeriod applies only with benchmarkDuration, which is not set; add benchmarkDuration,"
                    + " or remove benchmarkGracePeriod";
    static final String DELAY_WITHOUT_CANCELLATION =
            "requestCancellationDelay needs requestCancellationRate (which requests to cancel), which is not set;"
                    + " add requestCancellationRate, or remove requestCancellationDelay";
    static final String RATE_RAMP_WITHOUT_RATE =
            "requestRateRampDuration ramps requestRate, which is not set; add requestRate, or remove"
                    + " requestRateRampDuration";
    /** Args: how many values. */
    static final String FIXED_SCHEDULE_ONE_VALUE =
            "fixedSchedule lists %d values; write fixedSchedule = true (replay the dataset's timestamps) or"
                    + " false, or leave fixedSchedule out (false)";
    static final String FIXED_SCHEDULE_WITH_RATE =
            "fixedSchedule = true sends at the dataset's timestamps, so it contradicts requestRate; remove"
                    + " fixedSchedule, or remove requestRate";
    /** Args: the pattern written. */
    static final String PATTERN_WITHOUT_RATE =
            "arrivalPattern = %s spaces requests sent at requestRate, which is not set; add requestRate, or"
                    + " remove arrivalPattern (CONCURRENCY_BURST alone needs no rate)";

    // @Endpoint, @Output, @Tokenizer: values reported at the value (the element of a list).

    /** Args: the URL written. */
    static final String URL_INVALID =
            "urls entry \"%s\" is not a server address; write host:port or http(s)://host:port[/base path],"
                    + " for example \"http://localhost:8000\", without a query or fragment";
    /** Args: the model written. */
    static final String MODELS_BLANK =
            "models lists a blank name; write the model names the server serves, for example"
                    + " \"Qwen/Qwen2-VL-2B-Instruct\"";
    /** Args: the strategy written. */
    static final String MODEL_SELECTION_UNKNOWN =
            "modelSelectionStrategy = \"%s\" is not a strategy; write \"round_robin\" or \"random\","
                    + " or leave modelSelectionStrategy out (round_robin)";
    /** Args: the strategy written. */
    static final String CONNECTION_REUSE_UNKNOWN =
            "connectionReuseStrategy = \"%s\" is not a strategy; write \"pooled\", \"never\" or"
                    + " \"sticky-user-sessions\", or leave connectionReuseStrategy out (pooled)";
    /** Args: the strategy written. */
    static final String CONNECTION_REUSE_WITH_HTTP2 =
            "connectionReuseStrategy = \"%s\" needs HTTP/1.1 (HTTP/2 multiplexes requests over few connections);"
                    + " remove http2 = true or connectionReuseStrategy";
    /** Args: the path written. */
    static final String CUSTOM_ENDPOINT_NOT_A_PATH =
            "customEndpoint = \"%s\" is not a path; write one such as \"/v1/my/chat\" (the server comes from urls),"
                    + " or leave customEndpoint out to use the endpoint type's path";
    static final String TEMPLATE_BODY_BLANK =
            "templateBody is blank; write the JSON body with {{text}} (and {{model}}, {{max_tokens}}, {{stream}})"
                    + " placeholders, or a file holding it, or leave templateBody out";
    /** Args: the path written. */
    static final String RESPONSE_FIELD_INVALID =
            "responseField = \"%s\" is not a dotted path; write names and indexes joined by dots, for example"
                    + " \"choices.0.text\", or leave responseField out";
    /** Args: attribute, how many values, attribute, attribute. */
    static final String ONE_FLAG_VALUE =
            "%s lists %d values; write %s = true or false, or leave %s out (false)";
    /** Args: attribute, the endpoint type. */
    static final String TEMPLATE_SETTING_NOT_TEMPLATE =
            "%s shapes the TEMPLATE endpoint type's requests, but endpointType is %s; write"
                    + " endpointType = EndpointType.TEMPLATE, or remove %s";
    static final String STRATEGY_WITH_ONE_MODEL =
            "modelSelectionStrategy picks among several models, but models names one; list several models,"
                    + " or remove modelSelectionStrategy";
    /** Args: the level written. */
    static final String EXPORT_LEVEL_UNKNOWN =
            "exportLevel = \"%s\" is not a level; write \"summary\", \"records\" or \"raw\","
                    + " or leave exportLevel out (records)";
    /** Args: the value written. */
    static final String SLICE_DURATION_NOT_POSITIVE =
            "sliceDuration = %s is not a positive number of seconds; write a finite number greater than 0,"
                    + " or leave sliceDuration out (no timeslices)";
    static final String ARTIFACT_DIR_BLANK =
            "artifactDir is blank; write a folder such as \"artifacts/nightly\", or leave artifactDir out (artifacts)";
    static final String TOKENIZER_BLANK =
            "@Tokenizer value is blank; write a tokenizer.json path or a Hugging Face model id such as"
                    + " \"Qwen/Qwen2.5-0.5B-Instruct\", or remove @Tokenizer to use the model's";

    // @SyntheticInput's shaping attributes.

    /** Args: the distribution written. */
    static final String SEQUENCE_DISTRIBUTION_INVALID =
            "sequenceDistribution = \"%s\" is not ISL,OSL:PCT pairs; write pairs separated by ';' with lengths"
                    + " of at least 1 (optionally ISL|STDDEV) and percentages above 0 that add up to 100, for example"
                    + " \"128,64:60;1024,256:40\"";
    /** Args: attribute, value, attribute, default. */
    static final String SYNTHESIS_NOT_NON_NEGATIVE =
            "%s = %s is not a number of seconds; write a finite number of at least 0, or leave %s out (%s)";
    /** Args: attribute, value, attribute. */
    static final String TURN_DELAY_NOT_NON_NEGATIVE =
            "%s = %s is not a number of milliseconds; write a finite number of at least 0, or leave %s out (0)";
    /** Args: value. */
    static final String TURN_DELAY_RATIO_NOT_NON_NEGATIVE =
            "conversationTurnDelayRatio = %s is not a factor; write a finite number of at least 0 (0 removes the"
                    + " waits between turns), or leave conversationTurnDelayRatio out (1)";
    /** Args: the format written. */
    static final String AUDIO_FORMAT_UNKNOWN =
            "audioFormat = \"%s\" is not supported; write \"wav\", or leave audioFormat out (wav)";
    /** Args: the rate written. */
    static final String AUDIO_SAMPLE_RATE_NOT_POSITIVE =
            "audioSampleRates lists %s, which is not a positive number of kHz; write finite numbers greater than 0,"
                    + " for example {16, 44.1}";
    /** Args: the depth written. */
    static final String AUDIO_DEPTH_UNKNOWN =
            "audioDepths lists %d, which is not a bit depth; write 8, 16, 24 or 32";
    /** Args: the value written. */
    static final String AUDIO_CHANNELS_UNKNOWN =
            "audioNumChannels = %d is not a channel count; write 1 (mono) or 2 (stereo), or leave audioNumChannels"
                    + " out (1)";
    static final String PREFIX_LENGTH_WITHOUT_PROMPTS =
            "prefixPromptLength sizes the shared prefixes, but numPrefixPrompts is not set; add numPrefixPrompts,"
                    + " or remove prefixPromptLength";
    /** Args: attribute, attribute. */
    static final String AUDIO_SETTING_WITHOUT_AUDIO =
            "%s shapes synthetic audio, but audioLengthMean is not set, so there is none; add audioLengthMean"
                    + " (seconds, above 0), or remove %s";

    // @Batch and @PublicDataset.

    /** Args: the strategy written. */
    static final String SAMPLING_STRATEGY_UNKNOWN =
            "samplingStrategy = \"%s\" is not a strategy; write \"sequential\", \"random\" or \"shuffle\","
                    + " or leave samplingStrategy out (sequential)";
    /** Args: the endpoint type. */
    static final String BATCH_NOT_EMBEDDINGS =
            "promptBatchSize above 1 batches texts of EMBEDDINGS requests, but endpointType is %s; write"
                    + " endpointType = EndpointType.EMBEDDINGS, or remove promptBatchSize (rankings: use"
                    + " rankingsPassagesMean)";
    /** Args: attribute, the endpoint type, attribute. */
    static final String RANKINGS_NOT_RANKINGS =
            "%s shapes rankings requests, but endpointType is %s; write endpointType = NIM_RANKINGS,"
                    + " HF_TEI_RANKINGS or COHERE_RANKINGS, or remove %s";
    /** Args: attribute, dataset, attribute. */
    static final String PUBLIC_DATASET_SETTING_NOT_PUBLIC =
            "%s applies to public (Hub) datasets, but the dataset is \"%s\"; remove %s, or name a public"
                    + " dataset such as \"mmstar\"";

    // @Warmup's load and @Load's fixed-schedule offsets.

    static final String WARMUP_PATTERN_UNSET =
            "arrivalPattern = UNSET is the \"not set\" sentinel; write CONSTANT, POISSON, GAMMA or"
                    + " CONCURRENCY_BURST, or leave @Warmup(arrivalPattern) out to use the profiling pattern";
    /** Args: value. */
    static final String WARMUP_GRACE_NEGATIVE =
            "gracePeriod = %s is not a number of seconds; write 0 or more (Double.POSITIVE_INFINITY waits for every"
                    + " warmup request), or leave @Warmup(gracePeriod) out (wait for all)";
    static final String WARMUP_GRACE_WITHOUT_DURATION =
            "@Warmup(gracePeriod) applies only with @Warmup(duration), which is not set; add duration, or remove"
                    + " gracePeriod";
    /** Args: attribute, attribute. */
    static final String OFFSET_WITHOUT_FIXED_SCHEDULE =
            "%s applies only to a fixed schedule, and fixedSchedule = true is not set; add fixedSchedule = true,"
                    + " or remove %s";
    static final String AUTO_OFFSET_WITH_START =
            "fixedScheduleStartOffset contradicts fixedScheduleAutoOffset = true, which starts at the first"
                    + " timestamp; remove one of them";
    /** Args: start, end. */
    static final String START_AFTER_END =
            "fixedScheduleStartOffset = %s is after fixedScheduleEndOffset = %s; the start must not be later than"
                    + " the end";

    // @InputFile.

    /** Args: the format written, the formats. */
    static final String CUSTOM_DATASET_TYPE_UNKNOWN =
            "customDatasetType = \"%s\" is not a known format; write one of %s, or leave customDatasetType out"
                    + " to detect it from the file";
    /** Args: attribute, the dataset, attribute. */
    static final String FILE_SETTING_NOT_A_FILE =
            "%s describes a dataset file, but the dataset is \"%s\"; remove %s, or write dataset = \"file:<path>\"";

    // @Load's sessions, user-centric rate and prefill ramp; @Warmup's sessions, prefill limit and ramps.

    /** Args: attribute, attribute. */
    static final String SESSIONS_WITH_REQUEST_COUNT =
            "%s and requestCount are both stop conditions (sessions started, requests sent); remove %s, or"
                    + " remove requestCount";
    static final String WARMUP_SESSIONS_WITH_REQUEST_COUNT =
            "@Warmup(numSessions) and the warmup request count (@Warmup(requestCount) or"
                    + " @LlmBenchmark(warmupRequestCount)) are both warmup stop conditions; remove one of them";
    static final String USER_CENTRIC_WITHOUT_USERS =
            "userCentricRate is shared by numUsers simulated users, which is not set; add numUsers (at least 1),"
                    + " or remove userCentricRate";
    static final String USERS_WITHOUT_USER_CENTRIC =
            "numUsers applies only with userCentricRate, which is not set; add userCentricRate (requests per"
                    + " second of all users), or remove numUsers";
    /** Args: the contradicting attribute, the contradicting attribute. */
    static final String USER_CENTRIC_WITH =
            "userCentricRate spaces each user's turns by itself, so it contradicts %s; remove %s, or remove"
                    + " userCentricRate and numUsers";
    static final String USER_CENTRIC_CONCURRENCY_RAMP_WITHOUT_CONCURRENCY =
            "concurrencyRampDuration ramps the concurrency ceiling over userCentricRate's users, which is not set;"
                    + " add @LlmBenchmark(concurrency), or remove concurrencyRampDuration";
    static final String PREFILL_RAMP_WITHOUT_PREFILL =
            "prefillConcurrencyRampDuration ramps prefillConcurrency, which is not set; add prefillConcurrency,"
                    + " or remove prefillConcurrencyRampDuration";
    static final String WARMUP_PREFILL_RAMP_WITHOUT_PREFILL =
            "@Warmup(prefillConcurrencyRampDuration) ramps the warmup's prefill limit, which is not set; add"
                    + " @Warmup(prefillConcurrency) or @Load(prefillConcurrency), or remove the ramp";
    static final String WARMUP_RATE_RAMP_WITHOUT_RATE =
            "@Warmup(requestRateRampDuration) ramps the warmup's request rate, which is not set; add"
                    + " @Warmup(requestRate) or @Load(requestRate), or remove the ramp";
    static final String WARMUP_CONCURRENCY_RAMP_WITHOUT_CONCURRENCY =
            "@Warmup(concurrencyRampDuration) ramps the warmup's concurrency, but the open-loop warmup has no"
                    + " concurrency limit; add @Warmup(concurrency) or @LlmBenchmark(concurrency), or remove the ramp";

    // @Load's repeated-run settings.

    /** Args: value. */
    static final String COOLDOWN_NEGATIVE =
            "profileRunCooldownSeconds = %s is not a number of seconds of 0 or more; write a finite number ≥ 0,"
                    + " or leave profileRunCooldownSeconds out (no cooldown)";
    /** Args: value. */
    static final String CONFIDENCE_LEVEL_OUT_OF_RANGE =
            "confidenceLevel = %s is not between 0 and 1 (exclusive); write e.g. 0.90, 0.95 or 0.99, or leave"
                    + " confidenceLevel out (0.95)";
    /** Args: attribute, numProfileRuns as written or "not written", attribute. */
    static final String PROFILE_RUN_SETTING_WITHOUT_RUNS =
            "%s applies only to repeated runs, but numProfileRuns is %s; write numProfileRuns = 2 or more (up to"
                    + " 10), or remove %s";
}
