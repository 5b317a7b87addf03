package io.llmbench.runtime.client;

import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fastest path of stream decoding: one OpenAI chunk event ({@code chat.completion.chunk} or a
 * completions chunk) read straight from its bytes, with no parser object, symbol table or token
 * stream. A stream has one event per token, so this runs a hundred times per response; Jackson's
 * streaming parser, even reused across a stream, cost about half a microsecond per event on the one
 * processing thread (see docs/performance.md).
 *
 * <p>It takes exactly what {@link StreamEventDecoder} takes ({@code choices[0]}'s delta, message or
 * text, and {@code usage}) with the same rules for odd values, and validates everything it skips as
 * strict JSON. It gives up ({@code null}) rather than decide anything unusual: an {@code error}
 * field, an escaped field name, a number it would have to round, UTF-8 or JSON that is not strictly
 * well formed, nesting deeper than {@value #MAX_DEPTH}. Jackson then decides, so every event it does
 * accept decodes exactly as Jackson decodes it ({@code OpenAiChunkScannerTest} checks both against
 * each other on valid, odd and randomly damaged events).
 *
 * <p>Not thread-safe: one instance per thread or per stream.
 */
final class OpenAiChunkScanner {

    private static final int MAX_DEPTH = 64;
    /** Longest integer read without overflow concerns: 18 decimal digits fit a long. */
    private static final int MAX_INT_DIGITS = 18;

    private static final byte[] ERROR = ascii("error");
    private static final byte[] CHOICES = ascii("choices");
    private static final byte[] USAGE = ascii("usage");
    private static final byte[] DELTA = ascii("delta");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] TEXT = ascii("text");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] REASONING_CONTENT = ascii("reasoning_content");
    private static final byte[] REASONING = ascii("reasoning");
    private static final byte[] PROMPT_TOKENS = ascii("prompt_tokens");
    private static final byte[] COMPLETION_TOKENS = ascii("completion_tokens");
    private static final byte[] COMPLETION_TOKENS_DETAILS = ascii("completion_tokens_details");
    private static final byte[] REASONING_TOKENS = ascii("reasoning_tokens");

    /** Thrown to give up; shared and without a stack trace, as it carries no information. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super("not for the scanner", null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private byte[] bytes;
    private int at;
    private int end;
    /** The last field name read: where it starts in {@code bytes} and its length. */
    private int nameStart;
    private int nameLength;
    /** Where the chunk's content string was in the event just scanned (see {@link #remember}), or -1. */
    private int contentQuote;
    private int contentEnd;
    /**
     * The last fully scanned event around its content string: its bytes up to and including the
     * string's opening quote, from its closing quote to the end, and what it decoded to. The
     * events of a stream differ, nearly always, only in that string.
     */
    private byte[] templatePrefix;
    private byte[] templateSuffix;
    private DecodedEvent templateResult;
    private int templateHits;

    /** Reused for strings with escapes, made on first need. */
    private StringBuilder escaped;

    /** The chunk and usage of one event, or {@code null} to leave it to Jackson. */
    DecodedEvent scan(byte[] data, long receivedNs) {
        return scan(data, 0, data.length, receivedNs);
    }

    /**
     * As {@link #scan(byte[], long)}, for the event in {@code length} bytes of {@code data} from
     * {@code offset}. An event that equals the previous one but for its content string is read
     * from the template the previous one left: the same bytes around a string value parse the
     * same way, so only the new string needs reading (and validating).
     */
    DecodedEvent scan(byte[] data, int offset, int length, long receivedNs) {
        if (templateResult != null) {
            DecodedEvent fromTemplate = fromTemplate(data, offset, length, receivedNs);
            if (fromTemplate != null) {
                return fromTemplate;
            }
        }
        bytes = data;
        at = offset;
        end = offset + length;
        try {
            whitespace();
            expect('{');
            DecodedEvent decoded = object(receivedNs);
            whitespace();
            if (at != end) {
                return null;
            }
            remember(data, offset, length, decoded);
            return decoded;
        } catch (GiveUp e) {
            return null;
        } finally {
            bytes = null;
        }
    }

    /** How many events were read from the template so far (for tests). */
    int templateHits() {
        return templateHits;
    }

    /** Keeps the bytes around the content string of the event just scanned, if it had one. */
    private void remember(byte[] data, int offset, int length, DecodedEvent decoded) {
        if (contentQuote < 0) {
            templateResult = null;
            return;
        }
        templatePrefix = Arrays.copyOfRange(data, offset, contentQuote + 1);
        templateSuffix = Arrays.copyOfRange(data, contentEnd - 1, offset + length);
        templateResult = decoded;
    }

    /** The event decoded from the template, or {@code null} when it differs from it elsewhere. */
    private DecodedEvent fromTemplate(byte[] data, int offset, int length, long receivedNs) {
        int prefix = templatePrefix.length;
        int suffix = templateSuffix.length;
        int suffixAt = offset + length - suffix;
        if (length < prefix + suffix
                || !Arrays.equals(data, offset, offset + prefix, templatePrefix, 0, prefix)
                || !Arrays.equals(data, suffixAt, offset + length, templateSuffix, 0, suffix)) {
            return null;
        }
        bytes = data;
        at = offset + prefix - 1;
        end = offset + length;
        try {
            String content = stringOrSkip();
            // The string must close exactly where the suffix's closing quote is.
            if (content == null || at != suffixAt + 1) {
                return null;
            }
            ResponseChunk chunk = templateResult.chunk();
            templateHits++;
            return new DecodedEvent(new ResponseChunk(receivedNs, content, chunk.reasoning(), chunk.usageOnly()),
                    templateResult.usage());
        } catch (GiveUp e) {
            return null;
        } finally {
            bytes = null;
        }
    }

    private DecodedEvent object(long receivedNs) {
        StreamEventDecoder.Choice choice = null;
        boolean hasChoices = false;
        Usage usage = null;
        boolean hasUsageObject = false;
        if (firstField('}')) {
            do {
                if (nameIs(ERROR)) {
                    throw GIVE_UP;
                } else if (nameIs(CHOICES)) {
                    hasChoices = true;
                    if (peek() == '[') {
                        at++;
                        choice = firstChoice();
                    } else {
                        choice = null;
                        skipValue(1);
                    }
                } else if (nameIs(USAGE)) {
                    if (peek() == '{') {
                        at++;
                        usage = usage();
                        hasUsageObject = true;
                    } else {
                        usage = null;
                        hasUsageObject = false;
                        skipValue(1);
                    }
                } else {
                    skipValue(1);
                }
            } while (nextField('}'));
        }
        ResponseChunk chunk = !hasChoices || choice == null
                ? new ResponseChunk(receivedNs, "", "", hasUsageObject)
                : choice.chunk(receivedNs);
        StreamEventDecoder.Message source = !hasChoices || choice == null
                || choice == StreamEventDecoder.Choice.NOT_AN_OBJECT ? null
                : choice.delta != null ? choice.delta : choice.message;
        contentQuote = source == null ? -1 : source.contentQuote;
        contentEnd = source == null ? -1 : source.contentEnd;
        return new DecodedEvent(chunk, usage);
    }

    /** After {@code [}: the first element if it is an object, {@code NOT_AN_OBJECT} if not, {@code null} if none. */
    private StreamEventDecoder.Choice firstChoice() {
        whitespace();
        if (peek() == ']') {
            at++;
            return null;
        }
        StreamEventDecoder.Choice first;
        if (peek() == '{') {
            at++;
            first = choice();
        } else {
            first = StreamEventDecoder.Choice.NOT_AN_OBJECT;
            skipValue(2);
        }
        whitespace();
        while (peek() == ',') {
            at++;
            whitespace();
            skipValue(2);
            whitespace();
        }
        expect(']');
        return first;
    }

    private StreamEventDecoder.Choice choice() {
        StreamEventDecoder.Choice choice = new StreamEventDecoder.Choice();
        if (firstField('}')) {
            do {
                if (nameIs(DELTA)) {
                    choice.delta = messageOrSkip();
                } else if (nameIs(MESSAGE)) {
                    choice.message = messageOrSkip();
                } else if (nameIs(TEXT)) {
                    choice.text = stringOrSkip();
                } else {
                    skipValue(3);
                }
            } while (nextField('}'));
        }
        return choice;
    }

    private StreamEventDecoder.Message messageOrSkip() {
        if (peek() != '{') {
            skipValue(3);
            return null;
        }
        at++;
        StreamEventDecoder.Message message = new StreamEventDecoder.Message();
        if (firstField('}')) {
            do {
                if (nameIs(CONTENT)) {
                    int quote = at;
                    message.content = stringOrSkip();
                    message.contentQuote = message.content == null ? -1 : quote;
                    message.contentEnd = message.content == null ? -1 : at;
                } else if (nameIs(REASONING_CONTENT)) {
                    message.reasoningContent = stringOrSkip();
                } else if (nameIs(REASONING)) {
                    message.reasoning = stringOrSkip();
                } else {
                    skipValue(4);
                }
            } while (nextField('}'));
        }
        return message;
    }

    private Usage usage() {
        int prompt = -1;
        int completion = -1;
        int reasoning = -1;
        if (firstField('}')) {
            do {
                if (nameIs(PROMPT_TOKENS)) {
                    prompt = countOrSkip();
                } else if (nameIs(COMPLETION_TOKENS)) {
                    completion = countOrSkip();
                } else if (nameIs(COMPLETION_TOKENS_DETAILS)) {
                    reasoning = -1;
                    if (peek() == '{') {
                        at++;
                        if (firstField('}')) {
                            do {
                                if (nameIs(REASONING_TOKENS)) {
                                    reasoning = countOrSkip();
                                } else {
                                    skipValue(3);
                                }
                            } while (nextField('}'));
                        }
                    } else {
                        skipValue(2);
                    }
                } else {
                    skipValue(2);
                }
            } while (nextField('}'));
        }
        return new Usage(prompt, completion, reasoning);
    }

    /**
     * Just after an object's {@code {}: whether a field follows (its name read, the colon passed,
     * positioned at its value) or the object is empty (its {@code close} passed).
     */
    private boolean firstField(char close) {
        whitespace();
        if (peek() == close) {
            at++;
            return false;
        }
        field();
        return true;
    }

    /** After a value inside an object: whether another field follows (read as in {@link #firstField}). */
    private boolean nextField(char close) {
        whitespace();
        byte next = peek();
        at++;
        if (next == close) {
            return false;
        }
        if (next != ',') {
            throw GIVE_UP;
        }
        whitespace();
        field();
        return true;
    }

    private void field() {
        expect('"');
        byte[] b = bytes;
        int i = at;
        int n = end;
        // Names we look for are plain ASCII without escapes; any other name is only validated.
        while (i < n && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\') {
            i++;
        }
        if (i < n && b[i] == '"') {
            nameStart = at;
            nameLength = i - at;
            at = i + 1;
        } else if (i < n && b[i] == '\\') {
            // An escaped name may spell one we look for: Jackson decides.
            throw GIVE_UP;
        } else {
            skipStringBody();
            nameLength = -1;
        }
        whitespace();
        expect(':');
        whitespace();
    }

    private boolean nameIs(byte[] name) {
        if (nameLength != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (bytes[nameStart + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** A string value, or {@code null} (the value skipped) for any other value, as Jackson's paths do. */
    private String stringOrSkip() {
        if (peek() != '"') {
            skipValue(4);
            return null;
        }
        int start = at + 1;
        byte[] b = bytes;
        int i = start;
        int n = end;
        while (i < n && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\') {
            i++;
        }
        if (i < n && b[i] == '"') {
            at = i + 1;
            return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
        }
        // Escapes or non-ASCII: validated as the scanner goes.
        at = start;
        skipStringBody();
        int close = at - 1;
        for (int j = start; j < close; j++) {
            if (b[j] == '\\') {
                return escapedString(start);
            }
        }
        return new String(b, start, close - start, StandardCharsets.UTF_8);
    }

    /** The rest of a string from {@code start} (just after its quote) that holds escapes. */
    private String escapedString(int start) {
        if (escaped == null) {
            escaped = new StringBuilder(64);
        }
        StringBuilder text = escaped;
        text.setLength(0);
        at = start;
        while (true) {
            byte b = peek();
            if (b == '"') {
                at++;
                return text.toString();
            }
            if (b == '\\') {
                at++;
                text.append(escape());
            } else if (b < 0x20 && b >= 0) {
                throw GIVE_UP;
            } else if (b < 0) {
                int from = at;
                at = utf8Sequence(at);
                text.append(new String(bytes, from, at - from, StandardCharsets.UTF_8));
            } else {
                text.append((char) b);
                at++;
            }
        }
    }

    /** After a backslash: the character the escape stands for. */
    private char escape() {
        byte b = peek();
        at++;
        switch (b) {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int value = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(peek(), 16);
                    if (digit < 0) {
                        throw GIVE_UP;
                    }
                    value = value * 16 + digit;
                    at++;
                }
                return (char) value;
            default:
                throw GIVE_UP;
        }
    }

    /**
     * A token count: an integer as an int (keeping the low bits, as Jackson's paths do), -1 for a
     * number with a fraction or exponent or any other value (skipped).
     */
    private int countOrSkip() {
        byte b = peek();
        if (b != '-' && (b < '0' || b > '9')) {
            skipValue(3);
            return -1;
        }
        int start = at;
        boolean integer = number();
        if (!integer) {
            return -1;
        }
        int digits = at - start - (bytes[start] == '-' ? 1 : 0);
        if (digits > MAX_INT_DIGITS) {
            throw GIVE_UP;
        }
        long value = 0;
        for (int i = bytes[start] == '-' ? start + 1 : start; i < at; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return (int) (bytes[start] == '-' ? -value : value);
    }

    /** Skips one value, validating it as strict JSON. */
    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        byte b = peek();
        switch (b) {
            case '{':
                at++;
                whitespace();
                if (peek() == '}') {
                    at++;
                    return;
                }
                do {
                    whitespace();
                    expect('"');
                    skipStringBody();
                    whitespace();
                    expect(':');
                    whitespace();
                    skipValue(depth + 1);
                    whitespace();
                } while (separator('}'));
                return;
            case '[':
                at++;
                whitespace();
                if (peek() == ']') {
                    at++;
                    return;
                }
                do {
                    whitespace();
                    skipValue(depth + 1);
                    whitespace();
                } while (separator(']'));
                return;
            case '"':
                at++;
                skipStringBody();
                return;
            case 't':
                literal("true");
                return;
            case 'f':
                literal("false");
                return;
            case 'n':
                literal("null");
                return;
            default:
                if (b == '-' || b >= '0' && b <= '9') {
                    number();
                    return;
                }
                throw GIVE_UP;
        }
    }

    /** After an element: {@code true} at a comma, {@code false} at {@code close}; both passed. */
    private boolean separator(char close) {
        byte b = peek();
        at++;
        if (b == ',') {
            return true;
        }
        if (b == close) {
            return false;
        }
        throw GIVE_UP;
    }

    /** Skips a string's body after its opening quote, through its closing quote. */
    private void skipStringBody() {
        byte[] b = bytes;
        int i = at;
        int n = end;
        while (true) {
            // Plain printable ASCII in a local loop: nearly every byte of a skipped string.
            while (i < n && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\') {
                i++;
            }
            if (i >= n) {
                throw GIVE_UP;
            }
            byte c = b[i];
            if (c == '"') {
                at = i + 1;
                return;
            }
            if (c == '\\') {
                at = i + 1;
                escape();
                i = at;
            } else if (c < 0) {
                i = utf8Sequence(i);
            } else {
                throw GIVE_UP;
            }
        }
    }

    /**
     * Validates one strict (RFC 3629) UTF-8 sequence of two to four bytes starting at {@code from}
     * and returns where the next one starts; gives up on anything else.
     */
    private int utf8Sequence(int from) {
        int lead = bytes[from] & 0xFF;
        int length;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                min = 0xA0;
            } else if (lead == 0xED) {
                max = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F;
            }
        } else {
            throw GIVE_UP;
        }
        if (from + length > end) {
            throw GIVE_UP;
        }
        int second = bytes[from + 1] & 0xFF;
        if (second < min || second > max) {
            throw GIVE_UP;
        }
        for (int i = 2; i < length; i++) {
            int next = bytes[from + i] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                throw GIVE_UP;
            }
        }
        return from + length;
    }

    /** Skips a number (strict JSON grammar); whether it was an integer (no fraction, no exponent). */
    private boolean number() {
        if (peek() == '-') {
            at++;
        }
        byte first = peek();
        if (first == '0') {
            at++;
        } else if (first >= '1' && first <= '9') {
            digits();
        } else {
            throw GIVE_UP;
        }
        boolean integer = true;
        if (at < end && bytes[at] == '.') {
            at++;
            requireDigit();
            digits();
            integer = false;
        }
        if (at < end && (bytes[at] == 'e' || bytes[at] == 'E')) {
            at++;
            if (at < end && (bytes[at] == '+' || bytes[at] == '-')) {
                at++;
            }
            requireDigit();
            digits();
            integer = false;
        }
        // Jackson rejects a number run into a letter or another digit after a leading zero.
        if (at < end && isNumberTail(bytes[at])) {
            throw GIVE_UP;
        }
        return integer;
    }

    private static boolean isNumberTail(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '.' || b == '_';
    }

    private void requireDigit() {
        byte b = peek();
        if (b < '0' || b > '9') {
            throw GIVE_UP;
        }
    }

    private void digits() {
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
    }

    private void literal(String word) {
        if (at + word.length() > end) {
            throw GIVE_UP;
        }
        for (int i = 0; i < word.length(); i++) {
            if (bytes[at + i] != word.charAt(i)) {
                throw GIVE_UP;
            }
        }
        at += word.length();
        if (at < end && isNumberTail(bytes[at])) {
            throw GIVE_UP;
        }
    }

    private void whitespace() {
        byte[] b = bytes;
        int i = at;
        int n = end;
        while (i < n && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        at = i;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw GIVE_UP;
        }
        at++;
    }

    private byte peek() {
        if (at >= end) {
            throw GIVE_UP;
        }
        return bytes[at];
    }

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
