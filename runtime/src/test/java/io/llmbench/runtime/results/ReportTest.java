package io.llmbench.runtime.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.report.RunReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plots and the HTML report of real runs against the mock server, the page opened in headless Chromium. */
class ReportTest {

    @TempDir
    static Path root;
    static Path run;
    static List<Path> sweep;
    static MockRuns.Result sweepResult;

    @BeforeAll
    static void runWithPlots() throws IOException {
        run = MockRuns.run(root.resolve("one"), 5, 16, "--plots");
        Path sweepDir = root.resolve("sweep");
        sweepResult = MockRuns.main("profile", "--mock", "--streaming", "--quiet", "--concurrency", "1,4",
                "--request-count", "8", "--isl", "16", "--osl", "8", "--mock-ttft-ms", "5", "--mock-itl-ms", "1",
                "--plots", "--artifact-dir", sweepDir.toString());
        assertEquals(0, sweepResult.exit(), sweepResult.err());
        try (var dirs = Files.list(sweepDir)) {
            // The run folders, concurrency 1 before 4; the sweep's own report folder is left out.
            sweep = dirs.filter(d -> !d.getFileName().toString().contains("-sweep-")).sorted().toList();
        }
        assertEquals(2, sweep.size(), sweep::toString);
    }

    @Test
    void aRunWithPlotsGetsDecodablePngsOfEachLatencyOverTimeAndItsDistribution() throws IOException {
        for (String metric : List.of("time_to_first_token", "inter_token_latency", "request_latency")) {
            for (String kind : List.of("_over_time.png", "_distribution.png")) {
                Path png = run.resolve(RunReport.PLOTS_FOLDER).resolve(metric + kind);
                BufferedImage image = ImageIO.read(png.toFile());
                assertTrue(image != null, png + " is not a PNG");
                assertEquals(900, image.getWidth());
                assertTrue(distinctColours(image) > 4, png + " looks blank");
            }
        }
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void theReportIsSelfContained() throws IOException {
        String html = Files.readString(run.resolve(RunReport.FILE_NAME), StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(?!data:)", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "the page refers to something outside itself");
        assertFalse(html.contains("<script"), "the page needs no script");
        assertEquals(6, count(html, "src=\"data:image/png;base64,"), "six plots inline");
    }

    @Test
    void plotCommandOverASweepDrawsTheLabelledParetoView() throws IOException {
        MockRuns.Result result = MockRuns.main("plot", sweep.get(0).toString(), sweep.get(1).toString(),
                "--artifact-dir", root.resolve("plots").toString());
        assertEquals(0, result.exit(), result.err());
        Path page = Path.of(result.out().strip().substring("# Report: ".length()));
        Path pareto = page.getParent().resolve(RunReport.PLOTS_FOLDER).resolve("pareto_throughput_vs_per_user.png");
        assertTrue(ImageIO.read(pareto.toFile()).getWidth() > 0);
        String html = Files.readString(page);
        assertTrue(html.contains("<td>c=1</td>") && html.contains("<td>c=4</td>"), "each run's point is labelled");
    }

    @Test
    void aSweepWithPlotsAlsoGetsTheLabelledParetoReportOfItsPoints() throws IOException {
        String line = sweepResult.out().lines().filter(l -> l.startsWith("# Sweep report: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no sweep report in\n" + sweepResult.out()));
        Path page = Path.of(line.substring("# Sweep report: ".length()));
        assertTrue(page.getParent().getFileName().toString().startsWith("profile-sweep-"), page.toString());
        for (String name : List.of("pareto_throughput_vs_per_user.png", "throughput_vs_latency.png",
                "throughput_vs_ttft.png")) {
            BufferedImage image = ImageIO.read(page.getParent().resolve(RunReport.PLOTS_FOLDER).resolve(name).toFile());
            assertTrue(image != null && image.getWidth() == 900, name + " is not a 900-pixel-wide PNG");
            assertTrue(distinctColours(image) > 4, name + " looks blank");
        }
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("<td>c=1</td>") && html.contains("<td>c=4</td>"), "each point is labelled");
        assertEquals(3, count(html, "src=\"data:image/png;base64,"), "the three comparison plots inline");
    }

    @Test
    void chromiumShowsTheTablesPlotsAndConfiguration() throws Exception {
        Path chromium = chromium();
        if (chromium == null) {
            // Said in the build log too, not only in the skip reason of the surefire report.
            System.err.println("ReportTest: SKIPPED the browser check: Chromium is not installed "
                    + "(apt-get install -y chromium)");
        }
        Assumptions.assumeTrue(chromium != null,
                "Chromium is not installed: install Debian's 'chromium' package (apt-get install -y chromium) "
                        + "to check the HTML report in a browser");
        Path page = run.resolve(RunReport.FILE_NAME);
        Path profile = Files.createTempDirectory(root, "chromium-profile");
        ProcessBuilder builder = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--virtual-time-budget=2000", "--dump-dom", page.toUri().toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        byte[] dom = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        String text = new String(dom, StandardCharsets.UTF_8);
        assertTrue(text.contains("<table id=\"metrics\">"), "no metrics table in the rendered page:\n" + text);
        assertTrue(text.contains("Time to First Token (ms)"), "TTFT row missing");
        assertTrue(text.contains("Request Count (requests)</td><td>16.00</td>"), "request count missing");
        assertTrue(text.contains("<pre id=\"configuration\">") && text.contains("llmbench-mock"),
                "configuration missing");
        assertTrue(text.contains("No request failed."), "error section missing");
        assertEquals(6, count(text, "<img"), "plots missing from the rendered page");
    }

    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static int count(String text, String needle) {
        int n = 0;
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
