package dev.softmaxexplorer.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Issue 16's table: Lighthouse's figures for the trivial page and each page of the site side by
 * side (the median of the runs), and each budget's verdict for each page of the site.
 */
final class LighthouseTable {
    /** Prints one row of the benchmark's output. */
    interface Rows {
        void row(String what, String text);
    }

    private final Map<String, List<Lighthouse.Report>> runs = new LinkedHashMap<>();
    private final String trivial;

    LighthouseTable(String trivial) {
        this.trivial = trivial;
    }

    void add(String page, Lighthouse.Report report) {
        runs.computeIfAbsent(page, p -> new ArrayList<>()).add(report);
    }

    void print(Rows out) {
        out.row("pages", String.join(" | ", runs.keySet()));
        figure(out, "performance score", Lighthouse.Report::score, "%.0f");
        figure(out, "first contentful paint", Lighthouse.Report::fcp, "%.0f ms");
        figure(out, "largest contentful paint", Lighthouse.Report::lcp, "%.0f ms");
        figure(out, "total blocking time", Lighthouse.Report::tbt, "%.0f ms");
        figure(out, "longest task", Lighthouse.Report::longestTask, "%.0f ms");
        figure(out, "time to interactive", Lighthouse.Report::tti, "%.0f ms");
        figure(out, "main-thread work", Lighthouse.Report::mainThread, "%.0f ms");
        figure(out, "cumulative layout shift", Lighthouse.Report::cls, "%.3f");
        figure(out, "bytes before first paint", Lighthouse.Report::bytesBeforePaint, "%,.0f B");
        figure(out, "whole payload (transferred)", Lighthouse.Report::bytes, "%,.0f B");
        figure(out, "CPU benchmark index (higher: quieter)", Lighthouse.Report::benchmarkIndex, "%.0f");
        double trivialLcp = median(trivial, Lighthouse.Report::lcp);
        for (String page : runs.keySet()) {
            if (page.equals(trivial)) {
                continue;
            }
            double lcp = median(page, Lighthouse.Report::lcp) - trivialLcp;
            double tbt = median(page, Lighthouse.Report::tbt);
            double work = median(page, Lighthouse.Report::mainThread);
            double score = median(page, Lighthouse.Report::score);
            double cls = median(page, Lighthouse.Report::cls);
            out.row("budgets, " + page, String.format(Locale.ROOT,
                    "score 100: %s; LCP - trivial's <= 300 ms (%.0f): %s; TBT < 50 ms: %s; main-thread work < 1000 ms: %s;"
                            + " CLS 0: %s",
                    verdict(score >= 100), lcp, verdict(lcp <= 300), verdict(tbt < 50), verdict(work < 1000),
                    verdict(cls == 0)));
        }
    }

    private void figure(Rows out, String what, ToDoubleFunction<Lighthouse.Report> measure, String format) {
        List<String> cells = new ArrayList<>();
        for (String page : runs.keySet()) {
            cells.add(String.format(Locale.ROOT, format, median(page, measure)));
        }
        out.row(what, String.join(" | ", cells));
    }

    private double median(String page, ToDoubleFunction<Lighthouse.Report> measure) {
        double[] values = runs.get(page).stream().mapToDouble(measure).sorted().toArray();
        return values[(values.length - 1) / 2];
    }

    private static String verdict(boolean holds) {
        return holds ? "holds" : "MISSED";
    }
}
