package io.llmbench.runtime.client;

import io.llmbench.runtime.record.RequestError;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.spec.TargetSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes the target's credentials (the API key, the values of credential headers) from text that
 * may be printed or exported: a server may quote the key it rejected in its error body, and that
 * message goes to the console and the exports.
 */
public final class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String REDACTED = "<redacted>";
    /** Header names (lower case) whose values are credentials. */
    public static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key", "api-key",
            "proxy-authorization", "cookie", "x-auth-token");
    /** Shorter values are not searched for: they would redact ordinary words. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The redactor of {@code target}'s API key and credential headers. */
    public static SecretRedactor of(TargetSpec target) {
        List<String> secrets = new ArrayList<>();
        add(secrets, target.apiKey());
        for (Map.Entry<String, String> header : target.headers().entrySet()) {
            if (isSecretHeader(header.getKey())) {
                String value = header.getValue();
                add(secrets, value);
                int space = value == null ? -1 : value.indexOf(' ');
                if (space > 0) {
                    add(secrets, value.substring(space + 1)); // "Bearer KEY": the key alone too
                }
            }
        }
        // Longest first, so that "Bearer KEY" is replaced whole before "KEY" is.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretRedactor(List.copyOf(secrets));
    }

    /** Whether {@code name} is a header whose value is a credential. */
    public static boolean isSecretHeader(String name) {
        return name != null && SECRET_HEADERS.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code text} with every secret replaced by {@link #REDACTED}. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, REDACTED);
            }
        }
        return result;
    }

    /** {@code record} with its error message redacted (the same record when nothing changes). */
    public RequestRecord redact(RequestRecord record) {
        RequestError error = record.error();
        if (error == null || secrets.isEmpty()) {
            return record;
        }
        String message = redact(error.message());
        if (message.equals(error.message())) {
            return record;
        }
        return new RequestRecord(record.requestId(), record.conversationId(), record.turnIndex(),
                record.entryIndex(), record.phase(), record.prompt(), record.imageCount(), record.scheduledStartNs(),
                record.queuedNs(), record.startNs(), record.ackNs(), record.endNs(), record.httpStatus(),
                record.chunks(), record.usage(), new RequestError(error.type(), error.code(), message));
    }

    private static void add(List<String> secrets, String value) {
        if (value != null && value.strip().length() >= MIN_SECRET_LENGTH) {
            secrets.add(value.strip());
        }
    }
}
