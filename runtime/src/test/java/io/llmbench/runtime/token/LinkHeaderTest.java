package io.llmbench.runtime.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void theNextRelationIsFoundAmongOthers() {
        assertEquals("https://huggingface.co/api/datasets/a/b/tree/main?recursive=true&cursor=ZXlK",
                LinkHeader.next(List.of("<https://huggingface.co/api/datasets/a/b>; rel=\"related\", "
                        + "<https://huggingface.co/api/datasets/a/b/tree/main?recursive=true&cursor=ZXlK>; rel=\"next\"")));
        assertEquals("/page/2", LinkHeader.next(List.of("</page/2>; title=\"x\"; rel=next")));
        assertEquals("/p3", LinkHeader.next(List.of("</p1>; rel=\"prev\"", "</p3>; rel=\"next last\"")),
                "a link may carry several relations, and the header come in several fields");
    }

    @Test
    void noNextRelationMeansTheLastPage() {
        assertNull(LinkHeader.next(List.of()));
        assertNull(LinkHeader.next(List.of("<https://x/prev>; rel=\"prev\"")));
        assertNull(LinkHeader.next(List.of("<https://x/next-page>; rel=\"nextish\"")));
    }
}
