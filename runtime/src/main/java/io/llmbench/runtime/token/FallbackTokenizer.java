package io.llmbench.runtime.token;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * The offline fallback: OpenAI's {@code cl100k_base} encoding through jtokkit (pure Java, bundled, no
 * download). Its counts approximate but do not equal the counts of the served model's own tokenizer,
 * so it is labelled as the fallback wherever counts are reported.
 */
public final class FallbackTokenizer implements Tokenizer {

    /** The encoding used. */
    public static final String ENCODING_NAME = "cl100k_base";

    /** The name reported by {@link #name()}. */
    public static final String NAME = ENCODING_NAME + " (fallback)";

    // Built once: the registry parses the vocabulary (~100k merges), which takes a moment.
    private static final Encoding CL100K =
            Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    /** Creates the fallback tokenizer; cheap after the first instance. */
    public FallbackTokenizer() {
    }

    // The *Ordinary methods treat text such as "<|endoftext|>" as plain text instead of throwing:
    // prompts are user data and never carry special tokens.
    @Override
    public int count(String text) {
        return CL100K.countTokensOrdinary(text);
    }

    @Override
    public int[] encode(String text) {
        return CL100K.encodeOrdinary(text).toArray();
    }

    @Override
    public String decode(int[] ids) {
        IntArrayList list = new IntArrayList(ids.length);
        for (int id : ids) {
            list.add(id);
        }
        return CL100K.decode(list);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isFallback() {
        return true;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
