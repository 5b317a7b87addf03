package io.llmbench.runtime.dataset.hub;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a dataset's image, in whatever format it is stored (JPEG including CMYK/YCCK, PNG with
 * alpha or a palette, WebP, GIF, BMP), into the RGB JPEG that AIPerf sends, as a
 * {@code data:image/jpeg;base64,...} URL. The TwelveMonkeys ImageIO plugins on the class path read
 * the formats the JDK cannot.
 *
 * <p>Like Pillow's {@code convert("RGB")}, which AIPerf applies before saving as JPEG, an alpha
 * channel is dropped rather than blended; the quality is Pillow's default, 75. One instance per
 * thread: the JPEG writer is reused.
 */
public final class ImageTranscoder {

    /** Pillow's default JPEG quality. */
    static final float QUALITY = 0.75f;

    private static final String PREFIX = "data:image/jpeg;base64,";

    private final ImageWriter writer;
    private final ImageWriteParam param;

    /** A transcoder with its own JPEG writer. */
    public ImageTranscoder() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer in this JVM");
        }
        writer = writers.next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
    }

    /**
     * The image in {@code encoded} as an RGB JPEG data URL.
     *
     * @throws IOException when no ImageIO reader knows the format or the bytes are damaged
     */
    public String toJpegDataUrl(byte[] encoded) throws IOException {
        byte[] jpeg = toJpeg(encoded);
        return PREFIX + Base64.getEncoder().encodeToString(jpeg);
    }

    /** The image in {@code encoded} re-encoded as RGB JPEG bytes. */
    public byte[] toJpeg(byte[] encoded) throws IOException {
        BufferedImage rgb = toRgb(decode(encoded));
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, encoded.length));
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.reset();
        }
        return out.toByteArray();
    }

    /** Decodes with the first reader that accepts the bytes; CMYK JPEG needs TwelveMonkeys' reader. */
    static BufferedImage decode(byte[] encoded) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            IOException last = null;
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    in.seek(0);
                    reader.setInput(in, true, true);
                    return reader.read(0);
                } catch (IOException | RuntimeException e) {
                    last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                } finally {
                    reader.dispose();
                }
            }
            throw last != null ? last : new IOException("not an image in a format ImageIO reads ("
                    + encoded.length + " bytes)");
        }
    }

    /** The colours without alpha, in an 8-bit RGB raster the JPEG writer takes. */
    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] line = new int[width];
        for (int y = 0; y < height; y++) {
            // getRGB yields non-premultiplied ARGB: masking the alpha keeps the stored colour, as Pillow does.
            image.getRGB(0, y, width, 1, line, 0, width);
            rgb.setRGB(0, y, width, 1, line, 0, width);
        }
        return rgb;
    }
}
