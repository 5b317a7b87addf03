package io.llmbench.runtime.dataset.file;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;
import java.util.List;
import java.util.Set;

/**
 * Reads one turn in AIPerf's single-turn shape (also the turns of {@code multi_turn} and the entries
 * of {@code random_pool}): {@code text}/{@code texts}, {@code image}/{@code images},
 * {@code audio}/{@code audios}, {@code video}/{@code videos}, {@code timestamp} or {@code delay} (ms),
 * {@code role}, {@code output_length} and {@code session_id}. Several texts are joined by a newline,
 * because an entry carries one prompt text.
 */
final class TurnReader {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "developer", "tool");
    private static final List<String> FIELDS = List.of("text", "texts", "image", "images", "audio", "audios", "video",
            "videos", "timestamp", "delay", "role", "session_id", "output_length", "type");

    /** A turn as read. */
    record Turn(String sessionId, String text, List<ImageInput> images, List<String> audios, List<String> videos,
            long timestampMs, long delayMs, String role, int outputLength) {

        DatasetEntry toEntry(String conversationId, int turnIndex) {
            return new DatasetEntry(conversationId, text, images, outputLength, videos, audios, null, turnIndex,
                    timestampMs, delayMs, role, null);
        }
    }

    private TurnReader() {
    }

    static Turn read(JsonLines.Line line, boolean timing) {
        // A misspelt field would otherwise be dropped silently and the turn sent without it.
        line.json().fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw line.error("unknown field '" + field + "'" + (field.equals("extra") || field.equals("image_uuids")
                        ? " (AIPerf's '" + field + "' is not supported by llmbench yet)"
                        : "; the fields are " + String.join(", ", FIELDS)));
            }
        });
        List<String> texts = LineFields.strings(line, "text", "texts");
        List<ImageInput> images = LineFields.strings(line, "image", "images").stream()
                .map(value -> MediaInputs.image(line, value)).toList();
        List<String> audios = LineFields.strings(line, "audio", "audios").stream()
                .map(value -> MediaInputs.audio(line, value)).toList();
        List<String> videos = LineFields.strings(line, "video", "videos").stream()
                .map(value -> MediaInputs.video(line, value)).toList();
        if (texts.isEmpty() && images.isEmpty() && audios.isEmpty() && videos.isEmpty()) {
            throw line.error("no content: give 'text' (or 'texts', 'image', 'images', 'audio', 'video')");
        }
        double timestamp = LineFields.number(line, "timestamp");
        double delay = LineFields.number(line, "delay");
        if (!Double.isNaN(timestamp) && !Double.isNaN(delay)) {
            throw line.error("'timestamp' and 'delay' cannot both be set: use one of them");
        }
        if (!timing && (!Double.isNaN(timestamp) || !Double.isNaN(delay))) {
            throw line.error("random_pool entries have no timing: remove 'timestamp' and 'delay'");
        }
        String role = LineFields.string(line, "role");
        if (role != null && !ROLES.contains(role)) {
            throw line.error("'role' must be one of " + ROLES + ", found '" + role + "'");
        }
        return new Turn(LineFields.string(line, "session_id"), String.join("\n", texts), images, audios, videos,
                Double.isNaN(timestamp) ? DatasetEntry.UNSET : Math.round(timestamp),
                Double.isNaN(delay) ? DatasetEntry.UNSET : Math.round(delay),
                role, LineFields.wholeNumber(line, "output_length", 1));
    }
}
