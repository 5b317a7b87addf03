package io.llmbench.runtime.dataset;

import io.llmbench.runtime.UserInputException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Synthetic images for vision benchmarks, drawn with Java2D from a seed: a two-colour gradient,
 * a dozen random shapes and per-pixel noise (so that PNG cannot compress them to nothing, as real
 * photos do not compress). Width and height are drawn from normal distributions like AIPerf's
 * {@code --image-width-mean/--image-width-stddev} and {@code --image-height-mean/--image-height-stddev};
 * the format is AIPerf's {@code --image-format}: {@code png} (its default), {@code jpeg}, or
 * {@code random} (each image PNG or JPEG at random). Not thread-safe: one generator per thread.
 */
public final class SyntheticImageGenerator {

    /** The formats accepted by the constructor. */
    public static final List<String> FORMATS = List.of("png", "jpeg", "random");

    private static final int NOISE_AMPLITUDE = 24;

    private final int widthMean;
    private final int widthStddev;
    private final int heightMean;
    private final int heightStddev;
    private final String format;
    private final Random sizeRandom;
    private final Random formatRandom;
    private final Random pixelRandom;

    /**
     * @param seed seed of sizes, formats and pixels
     * @param widthMean mean width in pixels (at least 1)
     * @param widthStddev standard deviation of widths, 0 for all the same
     * @param heightMean mean height in pixels (at least 1)
     * @param heightStddev standard deviation of heights, 0 for all the same
     * @param format {@code png}, {@code jpeg} (or {@code jpg}), {@code random}; {@code null} for png
     * @throws UserInputException if a size is not positive or the format is unknown
     */
    public SyntheticImageGenerator(long seed, int widthMean, int widthStddev, int heightMean, int heightStddev,
            String format) {
        if (widthMean < 1 || heightMean < 1 || widthStddev < 0 || heightStddev < 0) {
            throw new UserInputException("synthetic images need a positive --image-width-mean and "
                    + "--image-height-mean and non-negative standard deviations; got width " + widthMean + "±"
                    + widthStddev + ", height " + heightMean + "±" + heightStddev);
        }
        this.widthMean = widthMean;
        this.widthStddev = widthStddev;
        this.heightMean = heightMean;
        this.heightStddev = heightStddev;
        this.format = normalizeFormat(format);
        this.sizeRandom = SeededRandoms.derive(seed, "dataset.image.dimensions");
        this.formatRandom = SeededRandoms.derive(seed, "dataset.image.format");
        this.pixelRandom = SeededRandoms.derive(seed, "dataset.image.pixels");
    }

    /** The next image, encoded as a {@code data:image/<format>;base64,} URL. */
    public ImageInput generate() {
        int width = SeededRandoms.positiveNormalInt(sizeRandom, widthMean, widthStddev);
        int height = SeededRandoms.positiveNormalInt(sizeRandom, heightMean, heightStddev);
        String imageFormat = format.equals("random") ? (formatRandom.nextBoolean() ? "png" : "jpeg") : format;
        BufferedImage image = draw(width, height);
        return new ImageInput("data:image/" + imageFormat + ";base64,"
                + Base64.getEncoder().encodeToString(encode(image, imageFormat)));
    }

    private BufferedImage draw(int width, int height) {
        Random random = pixelRandom;
        // RGB without alpha: JPEG writers reject alpha, and endpoints see the same kind of image either way.
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, randomColor(random, 255), width, height, randomColor(random, 255)));
            g.fillRect(0, 0, width, height);
            int shapes = 6 + random.nextInt(10);
            for (int i = 0; i < shapes; i++) {
                g.setColor(randomColor(random, 96 + random.nextInt(160)));
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                int w = 1 + random.nextInt(Math.max(1, width / 2));
                int h = 1 + random.nextInt(Math.max(1, height / 2));
                switch (random.nextInt(4)) {
                    case 0 -> g.fillRect(x - w / 2, y - h / 2, w, h);
                    case 1 -> g.fillOval(x - w / 2, y - h / 2, w, h);
                    case 2 -> {
                        Polygon triangle = new Polygon();
                        for (int p = 0; p < 3; p++) {
                            triangle.addPoint(x + random.nextInt(w + 1) - w / 2, y + random.nextInt(h + 1) - h / 2);
                        }
                        g.fillPolygon(triangle);
                    }
                    default -> {
                        g.setStroke(new BasicStroke(1 + random.nextInt(Math.max(1, Math.min(width, height) / 16 + 1))));
                        g.drawLine(x, y, random.nextInt(width), random.nextInt(height));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        addNoise(image, random);
        return image;
    }

    private static void addNoise(BufferedImage image, Random random) {
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                int r = clamp(((rgb >> 16) & 0xff) + random.nextInt(2 * NOISE_AMPLITUDE + 1) - NOISE_AMPLITUDE);
                int gr = clamp(((rgb >> 8) & 0xff) + random.nextInt(2 * NOISE_AMPLITUDE + 1) - NOISE_AMPLITUDE);
                int b = clamp((rgb & 0xff) + random.nextInt(2 * NOISE_AMPLITUDE + 1) - NOISE_AMPLITUDE);
                row[x] = (r << 16) | (gr << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static Color randomColor(Random random, int alpha) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), Math.min(255, alpha));
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String normalizeFormat(String format) {
        if (format == null || format.isBlank()) {
            return "png";
        }
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (f.equals("jpg")) {
            return "jpeg";
        }
        if (!FORMATS.contains(f)) {
            throw new UserInputException("unknown image format '" + format + "'; use one of " + String.join(", ", FORMATS));
        }
        return f;
    }
}
