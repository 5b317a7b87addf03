package io.llmbench.runtime.dataset;

/**
 * An image attached to a prompt, already encoded as it is sent.
 *
 * @param dataUrl {@code data:image/<format>;base64,...} (or an {@code http(s)} URL)
 */
public record ImageInput(String dataUrl) {
}
