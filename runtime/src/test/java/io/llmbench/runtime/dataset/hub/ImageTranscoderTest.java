package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageTranscoderTest {

    private final ImageTranscoder transcoder = new ImageTranscoder();

    @Test
    void rgbJpegStaysTheSameImage() throws IOException {
        BufferedImage image = decodeDataUrl(transcoder.toJpegDataUrl(
                Fixtures.encode(Fixtures.solid(40, 30, Color.RED), "jpeg")));
        assertSize(image, 40, 30);
        assertNear(Color.RED, image.getRGB(20, 15));
    }

    @Test
    void pngWithAlphaLosesItsAlphaButKeepsItsColour() throws IOException {
        BufferedImage image = decodeDataUrl(transcoder.toJpegDataUrl(Fixtures.alphaPng(32, 32, Color.BLUE)));
        assertSize(image, 32, 32);
        assertEquals(3, image.getColorModel().getNumComponents(), "an RGB JPEG has three components");
        assertNear(Color.BLUE, image.getRGB(16, 16));
    }

    @Test
    void palettePngAndGifBecomeRgb() throws IOException {
        for (String format : new String[] {"png", "gif"}) {
            BufferedImage image = decodeDataUrl(transcoder.toJpegDataUrl(
                    Fixtures.paletteImage(24, 24, Color.GREEN, format)));
            assertSize(image, 24, 24);
            assertNear(Color.GREEN, image.getRGB(12, 12));
        }
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws IOException {
        byte[] cmyk = Fixtures.cmykJpeg(16, 16);
        BufferedImage image = decodeDataUrl(transcoder.toJpegDataUrl(cmyk));
        assertSize(image, 16, 16);
        assertEquals(3, image.getColorModel().getNumComponents());
    }

    /**
     * WebP as datasets store it: lossy (VP8), lossless (VP8L) and lossy with an alpha plane (VP8X +
     * ALPH). No Java WebP encoder is at hand, so the fixtures were made once with libwebp's
     * {@code cwebp} 1.2.4 from flat PNGs: {@code cwebp -q 75 red.png} (24x16, RGB 220,30,30),
     * {@code cwebp -lossless blue-alpha.png} and {@code cwebp -q 75 -exact blue-alpha.png} (20x20,
     * RGBA 20,40,220,128).
     */
    @Test
    void webpLossyLosslessAndWithAlphaBecomeRgbJpeg() throws IOException {
        BufferedImage lossy = decodeDataUrl(transcoder.toJpegDataUrl(resource("lossy.webp")));
        assertSize(lossy, 24, 16);
        assertEquals(3, lossy.getColorModel().getNumComponents());
        assertNear(new Color(220, 30, 30), lossy.getRGB(12, 8));
        for (String name : new String[] {"lossless-alpha.webp", "lossy-alpha.webp"}) {
            BufferedImage image = decodeDataUrl(transcoder.toJpegDataUrl(resource(name)));
            assertSize(image, 20, 20);
            assertEquals(3, image.getColorModel().getNumComponents(), name + ": the alpha plane is dropped");
            assertNear(new Color(20, 40, 220), image.getRGB(10, 10));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = ImageTranscoderTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, "test resource " + name);
            return in.readAllBytes();
        }
    }

    @Test
    void bytesThatAreNoImageAreRefused() {
        assertThrows(IOException.class, () -> transcoder.toJpegDataUrl("not an image".getBytes()));
    }

    static BufferedImage decodeDataUrl(String url) throws IOException {
        String prefix = "data:image/jpeg;base64,";
        assertTrue(url.startsWith(prefix), url.substring(0, Math.min(40, url.length())));
        byte[] jpeg = Base64.getDecoder().decode(url.substring(prefix.length()));
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1], "a JPEG starts with SOI");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertTrue(image != null, "the JPEG decodes");
        return image;
    }

    private static void assertSize(BufferedImage image, int width, int height) {
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }

    private static void assertNear(Color expected, int rgb) {
        Color actual = new Color(rgb);
        int distance = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(distance < 40, "expected about " + expected + " but was " + actual);
    }
}
