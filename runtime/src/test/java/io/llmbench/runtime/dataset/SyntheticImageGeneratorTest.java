package io.llmbench.runtime.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class SyntheticImageGeneratorTest {

    /** An image decoded from a data URL, with the format its bytes really have. */
    record Decoded(String declaredFormat, String actualFormat, BufferedImage image) {
    }

    static Decoded decode(ImageInput input) throws IOException {
        String url = input.dataUrl();
        assertTrue(url.startsWith("data:image/") && url.contains(";base64,"), url.substring(0, 40));
        String declared = url.substring("data:image/".length(), url.indexOf(';'));
        byte[] bytes = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertTrue(readers.hasNext(), "ImageIO can read it");
            ImageReader reader = readers.next();
            reader.setInput(in);
            String actual = reader.getFormatName().toLowerCase();
            BufferedImage image = reader.read(0);
            reader.dispose();
            return new Decoded(declared, actual, image);
        }
    }

    @Test
    void makesPngImagesOfTheRequestedSize() throws IOException {
        SyntheticImageGenerator generator = new SyntheticImageGenerator(1, 320, 0, 200, 0, "png");

        Decoded decoded = decode(generator.generate());

        assertEquals("png", decoded.declaredFormat());
        assertEquals("png", decoded.actualFormat());
        assertEquals(320, decoded.image().getWidth());
        assertEquals(200, decoded.image().getHeight());
    }

    @Test
    void makesJpegImagesOfTheRequestedSize() throws IOException {
        SyntheticImageGenerator generator = new SyntheticImageGenerator(1, 64, 0, 48, 0, "jpg");

        Decoded decoded = decode(generator.generate());

        assertEquals("jpeg", decoded.declaredFormat());
        assertEquals("jpeg", decoded.actualFormat());
        assertEquals(64, decoded.image().getWidth());
        assertEquals(48, decoded.image().getHeight());
    }

    @Test
    void randomFormatMixesPngAndJpeg() throws IOException {
        SyntheticImageGenerator generator = new SyntheticImageGenerator(2, 16, 0, 16, 0, "random");
        Set<String> formats = new HashSet<>();

        for (int i = 0; i < 20; i++) {
            Decoded decoded = decode(generator.generate());
            assertEquals(decoded.declaredFormat(), decoded.actualFormat());
            formats.add(decoded.actualFormat());
        }

        assertEquals(Set.of("png", "jpeg"), formats);
    }

    @Test
    void sizesVaryAroundTheMeansWithAStddev() throws IOException {
        SyntheticImageGenerator generator = new SyntheticImageGenerator(3, 100, 20, 60, 10, "png");
        Set<Integer> widths = new HashSet<>();
        double widthSum = 0;
        int n = 40;

        for (int i = 0; i < n; i++) {
            BufferedImage image = decode(generator.generate()).image();
            widths.add(image.getWidth());
            widthSum += image.getWidth();
        }

        assertTrue(widths.size() > 5, "widths: " + widths);
        assertEquals(100, widthSum / n, 12, "mean width");
    }

    @Test
    void theSameSeedGivesTheSameImagesAndAnotherSeedOthers() {
        String a = new SyntheticImageGenerator(9, 32, 4, 32, 4, "png").generate().dataUrl();
        String b = new SyntheticImageGenerator(9, 32, 4, 32, 4, "png").generate().dataUrl();
        String c = new SyntheticImageGenerator(10, 32, 4, 32, 4, "png").generate().dataUrl();

        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void imagesAreNotFlat() throws IOException {
        BufferedImage image = decode(new SyntheticImageGenerator(4, 64, 0, 64, 0, null).generate()).image();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 64; y += 4) {
            for (int x = 0; x < 64; x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }

        assertTrue(colours.size() > 100, "distinct colours in 256 samples: " + colours.size());
    }

    @Test
    void rejectsUnknownFormatsAndEmptySizes() {
        UserInputException format = assertThrows(UserInputException.class,
                () -> new SyntheticImageGenerator(1, 10, 0, 10, 0, "gif"));
        assertTrue(format.getMessage().contains("png"), format.getMessage());
        UserInputException size = assertThrows(UserInputException.class,
                () -> new SyntheticImageGenerator(1, 0, 0, 10, 0, "png"));
        assertNotNull(size.getMessage());
        assertTrue(size.getMessage().contains("--image-width-mean"), size.getMessage());
    }
}
