package io.llmbench.runtime.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.ChatContext;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;

/**
 * OpenAI Chat Completions: {@code messages} with one message (text, or a text part followed by one
 * {@code image_url} part per image, one {@code input_audio} part per clip, one {@code video_url} part
 * per video), {@code max_completion_tokens}, {@code stream_options.include_usage}
 * when streaming. An entry with a {@link ChatContext} gets its shared system prompt and its context as
 * a {@code system} and a {@code user} message before that one, as AIPerf sends them.
 */
final class OpenAiChatShape extends OpenAiChunkShape {

    @Override
    public String path(boolean streaming) {
        return "/v1/chat/completions";
    }

    @Override
    public void writeBody(ObjectNode body, DatasetEntry entry, String model, boolean streaming, int maxTokens) {
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        String text = entry.text();
        ChatContext context = entry.chatContext();
        if (context != null) {
            // As AIPerf: the shared system prompt, then the entry's context, each a message of its own.
            if (context.system() != null) {
                messages.addObject().put("role", "system").put("content", context.system());
            }
            if (context.userContext() != null) {
                messages.addObject().put("role", "user").put("content", context.userContext());
            }
            text = context.prompt(text);
        }
        ObjectNode message = messages.addObject();
        message.put("role", entry.role() == null ? "user" : entry.role());
        if (entry.images().isEmpty() && entry.audios().isEmpty() && entry.videos().isEmpty()) {
            message.put("content", text);
        } else {
            ArrayNode parts = message.putArray("content");
            parts.addObject().put("type", "text").put("text", text);
            for (ImageInput image : entry.images()) {
                ObjectNode part = parts.addObject().put("type", "image_url");
                part.putObject("image_url").put("url", image.dataUrl());
            }
            for (String audio : entry.audios()) {
                addAudioPart(parts, audio);
            }
            for (String video : entry.videos()) {
                parts.addObject().put("type", "video_url").putObject("video_url").put("url", video);
            }
        }
        OpenAiCompletionsShape.writeStreamAndLimit(body, streaming, maxTokens, "max_completion_tokens");
    }

    /** An OpenAI {@code input_audio} part from a {@code data:audio/<format>;base64,...} clip. */
    private static void addAudioPart(ArrayNode parts, String audio) {
        String format = "wav";
        String data = audio;
        if (audio.startsWith("data:audio/")) {
            int semicolon = audio.indexOf(';');
            int comma = audio.indexOf(',');
            if (semicolon > 0 && comma > semicolon) {
                format = audio.substring("data:audio/".length(), semicolon);
                data = audio.substring(comma + 1);
            }
        }
        ObjectNode part = parts.addObject().put("type", "input_audio");
        part.putObject("input_audio").put("data", data).put("format", format);
    }
}
