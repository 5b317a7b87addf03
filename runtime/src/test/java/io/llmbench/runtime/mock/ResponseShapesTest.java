package io.llmbench.runtime.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The role and usage events are written as text; they must be the very bytes Jackson writes for
 * the same trees, whatever the id and model hold.
 */
class ResponseShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "true|chatcmpl-mock-1|llmbench-mock|0",
        "true|chatcmpl-mock-2|Qwen/Qwen3-0.6B|3",
        "false|cmpl-mock-3|llmbench-mock|0",
        "true|chatcmpl-mock-4|a \"quoted\" \\ model\t\u00e9\u4e2d|0",
        "true|chatcmpl-mock-5|model|200",
    })
    void roleAndUsageEventsAreJacksonsBytes(boolean chat, String id, String model, int reasoning) throws Exception {
        ResponseShapes shapes = new ResponseShapes(chat, id, 1_764_400_000L, model, reasoning);

        ObjectNode role = head(chat, id, model);
        ObjectNode choice = role.withArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", "");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        assertEquals(event(role), new String(shapes.roleEvent(), StandardCharsets.UTF_8));

        ObjectNode usageEvent = head(chat, id, model);
        usageEvent.putArray("choices");
        ObjectNode usage = usageEvent.putObject("usage");
        usage.put("prompt_tokens", 17);
        usage.put("completion_tokens", 128);
        usage.put("total_tokens", 145);
        if (chat && reasoning > 0) {
            usage.putObject("completion_tokens_details").put("reasoning_tokens", Math.min(reasoning, 128));
        }
        assertEquals(event(usageEvent) + "data: [DONE]\n\n",
                new String(shapes.usageEventAndDone(17, 128), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"llmbench-mock", "a \"b\" \\ c", "tab\there", "caf\u00e9", "\u007f", "''"})
    void quoteIsJacksons(String text) throws Exception {
        assertEquals(JSON.writeValueAsString(text), ResponseShapes.quote(text));
    }

    private static ObjectNode head(boolean chat, String id, String model) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", id);
        event.put("object", chat ? "chat.completion.chunk" : "text_completion");
        event.put("created", 1_764_400_000L);
        event.put("model", model);
        return event;
    }

    private static String event(ObjectNode node) throws Exception {
        return "data: " + JSON.writeValueAsString(node) + "\n\n";
    }
}
