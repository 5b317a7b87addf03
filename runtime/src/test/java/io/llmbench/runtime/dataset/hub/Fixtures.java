package io.llmbench.runtime.dataset.hub;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Dataset files and images made by the tests, never downloaded. */
final class Fixtures {

    /** One MMStar row. */
    record MmstarRow(String question, byte[] image, String answer) {
    }

    private Fixtures() {
    }

    /** An MMStar-shaped Parquet file ({@code index, question, image {bytes, path}, answer, category}), written by DuckDB. */
    static byte[] mmstarParquet(Path dir, List<MmstarRow> rows) throws IOException, SQLException {
        Path file = dir.resolve("mmstar-" + System.nanoTime() + ".parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(\"index\" BIGINT, question VARCHAR, image STRUCT(bytes BLOB, path VARCHAR),"
                    + " answer VARCHAR, category VARCHAR)");
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO t VALUES (?, ?, {'bytes': ?::BLOB, 'path': ?}, ?, 'coarse perception')")) {
                for (int i = 0; i < rows.size(); i++) {
                    insert.setLong(1, i);
                    insert.setString(2, rows.get(i).question());
                    insert.setBytes(3, rows.get(i).image());
                    insert.setString(4, null);
                    insert.setString(5, rows.get(i).answer());
                    insert.executeUpdate();
                }
            }
            s.execute("COPY t TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return Files.readAllBytes(file);
    }

    /** A Parquet file of {@code column} VARCHAR values, one row each. */
    static byte[] textParquet(Path dir, String column, List<String> values) throws IOException, SQLException {
        Path file = dir.resolve("text-" + System.nanoTime() + ".parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(\"" + column + "\" VARCHAR)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                for (String v : values) {
                    insert.setString(1, v);
                    insert.executeUpdate();
                }
            }
            s.execute("COPY t TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return Files.readAllBytes(file);
    }

    /** An RGB image filled with {@code colour}. */
    static BufferedImage solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no writer for " + format);
        }
        return out.toByteArray();
    }

    /** A PNG with an alpha channel: half transparent {@code colour}. */
    static byte[] alphaPng(int width, int height, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int argb = (0x80 << 24) | (colour.getRGB() & 0xFFFFFF);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb);
            }
        }
        return encode(image, "png");
    }

    /** A palette PNG or GIF of {@code colour}. */
    static byte[] paletteImage(int width, int height, Color colour, String format) throws IOException {
        byte[] r = {(byte) colour.getRed(), 0};
        byte[] g = {(byte) colour.getGreen(), 0};
        byte[] b = {(byte) colour.getBlue(), 0};
        IndexColorModel palette = new IndexColorModel(1, 2, r, g, b);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, palette);
        return encode(image, format);
    }

    /**
     * A four-channel (CMYK) JPEG, as print workflows write them; the JDK's own reader refuses it.
     * Written as a raster so the channels go out as they are (Adobe-style inverted CMYK: all 0 is
     * full ink, all 255 none), filled with cyan ink only.
     */
    static byte[] cmykJpeg(int width, int height) throws IOException {
        BufferedImage holder = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
        WritableRaster raster = holder.getRaster().createCompatibleWritableRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {0, 255, 255, 255});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
