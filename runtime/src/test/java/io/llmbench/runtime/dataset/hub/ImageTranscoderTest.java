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
