package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FirstTokenProbeTest {

    private static boolean probe(String json) {
        return FirstTokenProbe.carriesOutput(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void outputInContentReasoningOrTextCountsAndRoleOrUsageEventsDoNot() {
        assertFalse(probe("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"), "role event");
        assertTrue(probe("{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}"));
        assertTrue(probe("{\"choices\":[{\"delta\":{\"content\": \"Hi\"}}]}"), "space after the colon");
        assertTrue(probe("{\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"hm\"}}]}"));
        assertTrue(probe("{\"choices\":[{\"delta\":{\"reasoning\":\"hm\"}}]}"));
        assertTrue(probe("{\"choices\":[{\"text\":\"once\"}]}"));
        assertFalse(probe("{\"choices\":[{\"text\":\"\"}]}"));
        assertFalse(probe("{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":9}}"), "usage only");
    }
}
