import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.hub.PublicDatasetLoader;
import io.llmbench.runtime.dataset.hub.PublicDatasetSelection;
import io.llmbench.runtime.dataset.hub.SamplingStrategy;
import io.llmbench.runtime.token.HubFileFetcher;
import io.llmbench.runtime.token.HubSettings;
import io.llmbench.runtime.token.Tokenizer;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Loads and encodes 1,500 MMStar-sized rows from the cache, as an offline run of
 * {@code --public-dataset mmstar} does, and prints how long it took. The rows are made here: a
 * question and an image each (300 to 800 pixels wide, 4 in 5 JPEG, 1 in 5 PNG with alpha, with shapes
 * and grain so that they compress like pictures rather than flat fills), written to an MMStar-shaped Parquet file by DuckDB and laid out in a
 * temporary cache as a download leaves it. See bench/README.md for the command.
 */
public class MmstarLoadBench {

    private static final int ROWS = 1500;

    public static void main(String[] args) throws Exception {
        Path cache = Files.createTempDirectory("llmbench-bench-cache");
        Path repo = cache.resolve("hub/datasets--Lin-Chen--MMStar/main");
        Files.createDirectories(repo);
        long imageBytes = writeParquet(repo.resolve("mmstar.parquet"));
        Files.writeString(repo.resolve(".llmbench-tree.json"), "[{\"type\":\"file\",\"path\":\"mmstar.parquet\"}]");
        System.out.printf(Locale.ROOT, "# %d rows, %.1f MB of images, Parquet file %.1f MB%n", ROWS, imageBytes / 1e6,
                Files.size(repo.resolve("mmstar.parquet")) / 1e6);

        HubSettings settings = HubSettings.fromEnvironment(Map.of("HF_HUB_OFFLINE", "1",
                "HF_HOME", cache.resolve("hf").toString()), cache);
        PublicDatasetSelection all = new PublicDatasetSelection(SamplingStrategy.SEQUENTIAL, 0, -1, -1);
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            List<DatasetEntry> entries = new PublicDatasetLoader(new HubFileFetcher(settings)).load("mmstar", all,
                    new Words());
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            long encoded = entries.stream().mapToLong(e -> e.images().get(0).dataUrl().length()).sum();
            // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
            System.out.printf(Locale.ROOT, "round %d: %d entries in %.2f s wall (%.0f rows/s), %.2f s CPU"
                    + " (%.1f ms CPU per row), %.1f MB of JPEG data URLs%n", round, entries.size(), seconds,
                    entries.size() / seconds, cpuSeconds, cpuSeconds * 1000 / entries.size(), encoded / 1e6);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long writeParquet(Path file) throws Exception {
        Random random = new Random(1);
        long total = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(\"index\" BIGINT, question VARCHAR, image STRUCT(bytes BLOB, path VARCHAR),"
                    + " answer VARCHAR, category VARCHAR)");
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO t VALUES (?, ?, {'bytes': ?::BLOB, 'path': NULL}, ?, 'coarse perception')")) {
                for (int i = 0; i < ROWS; i++) {
                    byte[] image = image(random, i % 5 == 4);
                    total += image.length;
                    insert.setLong(1, i);
                    insert.setString(2, "Question " + i + ": which option describes the image best?\nOptions:"
                            + " A: a cat, B: a dog, C: a car, D: a tree");
                    insert.setBytes(3, image);
                    insert.setString(4, String.valueOf("ABCD".charAt(i % 4)));
                    insert.executeUpdate();
                }
            }
            s.execute("COPY t TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return total;
    }

    private static byte[] image(Random random, boolean png) throws Exception {
        int width = 300 + random.nextInt(501);
        int height = width * (2 + random.nextInt(3)) / 4;
        BufferedImage image = new BufferedImage(width, height,
                png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt()), width, height, new Color(random.nextInt())));
        g.fillRect(0, 0, width, height);
        for (int shape = 0; shape < 12; shape++) {
            g.setColor(new Color(random.nextInt(), png));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(width / 3),
                    20 + random.nextInt(height / 3));
        }
        g.dispose();
        // Light grain, so that the images compress like photographs rather than like flat drawings.
        for (int n = 0; n < width * height / 40; n++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int rgb = image.getRGB(x, y);
            image.setRGB(x, y, rgb ^ (random.nextInt(8) * 0x010101));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, png ? "png" : "jpeg", out);
        return out.toByteArray();
    }

    /** One token per word: the MMStar loader never counts tokens, so any tokenizer does. */
    private static final class Words implements Tokenizer {
        public int count(String text) {
            return text.split("\\s+").length;
        }

        public int[] encode(String text) {
            return new int[count(text)];
        }

        public String decode(int[] ids) {
            return "";
        }

        public String name() {
            return "words";
        }

        public boolean isFallback() {
            return false;
        }
    }
}
