package io.llmbench.runtime.dataset.file;

import io.llmbench.runtime.dataset.ImageInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the media references of a dataset line into what is sent: URLs and {@code data:} URLs are
 * kept; a local file (as given, or relative to the dataset file's folder) is read and inlined as a
 * {@code data:} URL; audio may also be given as AIPerf's {@code <format>,<base64>}.
 */
final class MediaInputs {

    private static final Set<String> AUDIO_FORMATS = Set.of("wav", "mp3");

    private MediaInputs() {
    }

    static ImageInput image(JsonLines.Line line, String value) {
        if (isUrl(value)) {
            return new ImageInput(value);
        }
        Path file = localFile(line, value, "image");
        String format = extension(file);
        if (format.equals("jpg")) {
            format = "jpeg";
        }
        return new ImageInput("data:image/" + format + ";base64," + base64(line, file));
    }

    static String audio(JsonLines.Line line, String value) {
        if (value.startsWith("data:audio/")) {
            return value;
        }
        int comma = value.indexOf(',');
        if (comma > 0 && AUDIO_FORMATS.contains(value.substring(0, comma).toLowerCase(Locale.ROOT))) {
            return "data:audio/" + value.substring(0, comma).toLowerCase(Locale.ROOT) + ";base64,"
                    + value.substring(comma + 1);
        }
        Path file = localFile(line, value, "audio");
        String format = extension(file);
        if (!AUDIO_FORMATS.contains(format)) {
            throw line.error("audio file " + value + " is not .wav or .mp3");
        }
        return "data:audio/" + format + ";base64," + base64(line, file);
    }

    static String video(JsonLines.Line line, String value) {
        if (isUrl(value)) {
            return value;
        }
        Path file = localFile(line, value, "video");
        return "data:video/" + extension(file) + ";base64," + base64(line, file);
    }

    private static boolean isUrl(String value) {
        return value.startsWith("http://") || value.startsWith("https://") || value.startsWith("data:");
    }

    private static Path localFile(JsonLines.Line line, String value, String kind) {
        Path given = Path.of(value);
        if (Files.isRegularFile(given)) {
            return given;
        }
        Path besideDataset = line.file().toAbsolutePath().getParent().resolve(value);
        if (!given.isAbsolute() && Files.isRegularFile(besideDataset)) {
            return besideDataset;
        }
        throw line.error(kind + " '" + abbreviate(value) + "' is neither a URL, a data: URL nor an existing file");
    }

    private static String base64(JsonLines.Line line, Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw line.error("cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
