package dev.softmaxexplorer.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.json.Json;

/**
 * Lighthouse, pinned in {@code site/lighthouse/package.json} (an npm devDependency) and installed
 * there with {@code npm ci} the first time the benchmark needs it; run with the machine's Node and
 * the Chromium the tests use, in its default mobile profile (simulated slow 4G, 4x slower CPU).
 */
final class Lighthouse {
    /**
     * Without paint holding: in most runs on this Chromium (150, headless), holding the previous
     * page (about:blank) on screen did not end with the page's first contentful paint but with
     * its timeout, so the run observed the first paint about a second late (the build's page with
     * or without its script, and with the part below the first screen not laid out, alike).
     * Lighthouse then simulates every task before that late paint as if the paint needed it: the
     * same build's largest contentful paint came out as 1.5 s or 4.0 s by chance. The trivial page
     * runs with the same flags.
     */
    private static final String CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-features=PaintHolding";

    private final Path folder;
    private final String chromium;
    private final Path reports;

    Lighthouse(Path folder, String chromium, Path reports) {
        this.folder = folder;
        this.chromium = chromium;
        this.reports = reports;
    }

    /** Installs the pinned version from the lock file unless it is there already. */
    void install() throws IOException, InterruptedException {
        if (!Files.isRegularFile(cli())) {
            System.err.println("benchmark: installing Lighthouse with npm ci in " + folder);
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), reports.resolve("npm-ci.log"));
        }
    }

    /** One run against a page served over HTTP; the JSON report is kept beside the others. */
    @SuppressWarnings("unchecked")
    Report measure(String url, String name) throws IOException, InterruptedException {
        Path json = reports.resolve(name + ".report.json");
        run(List.of("node", cli().toString(), url, "--output=json", "--output-path=" + json,
                "--only-categories=performance", "--quiet", "--chrome-flags=" + CHROME_FLAGS), reports.resolve(name + ".log"));
        Map<String, Object> report = new Json().toType(Files.readString(json, StandardCharsets.UTF_8), Json.MAP_TYPE);
        return Report.of((Map<String, Object>) report.get("categories"), (Map<String, Object>) report.get("audits"),
                (Map<String, Object>) report.get("environment"));
    }

    private Path cli() {
        return folder.resolve("node_modules/lighthouse/cli/index.js");
    }

    private void run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CHROME_PATH", chromium);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed (" + exit + "), see " + log);
        }
    }

    /**
     * The figures of one report, times in ms. Bytes before first paint: the transfer size of the
     * requests that ended before the first contentful paint the run observed (unthrottled).
     * Lighthouse's benchmark index measures the CPU the run had: its simulation scales the tasks
     * it observed, so on a busy machine every time grows with the load.
     */
    record Report(double score, double fcp, double lcp, double tbt, double tti, double mainThread, double cls,
            double longestTask, double bytesBeforePaint, double bytes, double benchmarkIndex) {
        @SuppressWarnings("unchecked")
        static Report of(Map<String, Object> categories, Map<String, Object> audits, Map<String, Object> environment) {
            double score = number(((Map<String, Object>) categories.get("performance")).get("score")) * 100;
            Map<String, Object> metrics = (Map<String, Object>) ((List<Object>) details(audits, "metrics").get("items"))
                    .get(0);
            double observedPaint = number(metrics.get("observedFirstContentfulPaint"));
            double beforePaint = 0;
            for (Object item : (List<Object>) details(audits, "network-requests").get("items")) {
                Map<String, Object> request = (Map<String, Object>) item;
                if (number(request.get("networkEndTime")) <= observedPaint) {
                    beforePaint += number(request.get("transferSize"));
                }
            }
            double longest = 0;
            for (Object item : (List<Object>) details(audits, "long-tasks").getOrDefault("items", List.of())) {
                longest = Math.max(longest, number(((Map<String, Object>) item).get("duration")));
            }
            return new Report(score, value(audits, "first-contentful-paint"), value(audits, "largest-contentful-paint"),
                    value(audits, "total-blocking-time"), value(audits, "interactive"),
                    value(audits, "mainthread-work-breakdown"), value(audits, "cumulative-layout-shift"), longest,
                    beforePaint, value(audits, "total-byte-weight"), number(environment.get("benchmarkIndex")));
        }

        @SuppressWarnings("unchecked")
        private static double value(Map<String, Object> audits, String id) {
            return number(((Map<String, Object>) audits.get(id)).get("numericValue"));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> details(Map<String, Object> audits, String id) {
            Object details = ((Map<String, Object>) audits.get(id)).get("details");
            return details == null ? Map.of() : (Map<String, Object>) details;
        }

        private static double number(Object value) {
            return value == null ? Double.NaN : ((Number) value).doubleValue();
        }
    }
}
