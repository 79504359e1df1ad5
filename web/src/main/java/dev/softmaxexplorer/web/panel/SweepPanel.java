package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.TemperatureSweep;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.Backdrop;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.Motion;
import dev.softmaxexplorer.web.chart.SweepChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The temperature sweep: every class's probability from T = 0.05 to 20 on a log axis with the
 * current T marked, the entropy on the same axis from 0 to log K, and a table of p at a few
 * temperatures. The sweep depends on the logits only, so it is recomputed only when they change
 * (moving T just moves the marker).
 */
public final class SweepPanel implements Panel {
    /**
     * Points on the curves: smooth at any chart width (a segment every few pixels), and few enough
     * that recomputing them when a logit moves stays cheap at K = 10.
     */
    static final int POINTS = 120;
    /** The table's temperatures: both ends of the sweep, T = 1, and one step either side of it. */
    static final double[] TABLE_TEMPERATURES = {0.05, 0.5, 1, 2, 20};

    private final HTMLCanvasElement chart = Dom.byId("sweep-chart", HTMLCanvasElement.class);
    private final HTMLCanvasElement entropyChart = Dom.byId("sweep-entropy-chart", HTMLCanvasElement.class);
    private final HTMLElement current = Dom.byId("sweep-current");
    private final NumberTable table = new NumberTable(Dom.byId("sweep-table"));

    /** Computed on the sweep's first draw, not while the page loads: the view is rarely on screen then. */
    private static final class Grid {
        static final double[] TEMPERATURES = TemperatureSweep.temperatures(TemperatureSweep.PAGE_MIN,
                TemperatureSweep.PAGE_MAX, POINTS);
    }

    public SweepPanel(Editor editor) {
        TemperatureDrag.attach(chart, editor);
        TemperatureDrag.attach(entropyChart, editor);
    }

    // A cache keyed by the logits it was computed from, not a copy of the state.
    private double[] cachedLogits;
    private double[][] sweep;
    private double[] entropies;
    private double[][] tableRows;
    private double[] tableEntropies;
    private final Motion motion = new Motion(this::drawCurves);
    private final Backdrop curvesBackdrop = new Backdrop();
    private final Backdrop entropyBackdrop = new Backdrop();
    /** The frame the moving curves belong to. */
    private Frame drawn;
    /**
     * What the table shows: its numbers depend on the logits, names, true class and language, not
     * on T, so a T drag (the chain's, the strip's) does not rewrite them.
     */
    private List<Object> tableShows;

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        double[] z = state.get(Fields.LOGITS);
        if (!Arrays.equals(z, cachedLogits)) {
            TemperatureSweep.Curves curves = TemperatureSweep.curves(z, Grid.TEMPERATURES);
            sweep = curves.probabilities();
            entropies = curves.entropies();
            TemperatureSweep.Curves fixed = TemperatureSweep.curves(z, TABLE_TEMPERATURES);
            tableRows = fixed.probabilities();
            tableEntropies = fixed.entropies();
            cachedLogits = z;
        }
        double t = state.get(Fields.TEMPERATURE);
        int k = state.classCount();
        int target = state.get(Fields.TARGET);
        List<String> names = state.get(Fields.NAMES);
        double entropy = frame.exact().entropy();
        double maxEntropy = TemperatureSweep.maxEntropy(k);

        String tText = Format.shortest(t);
        Messages words = frame.words();
        String beyond = t < TemperatureSweep.PAGE_MIN ? "sweep.current.beyond-left"
                : t > TemperatureSweep.PAGE_MAX ? "sweep.current.beyond-right" : "sweep.current";
        Dom.text(current, words.format(beyond, "t", tText, "entropy", Numbers.compact(entropy),
                "k", Integer.toString(k), "maxEntropy", Numbers.compact(maxEntropy)));
        Dom.attribute(chart, "aria-label", words.format("sweep.sweep-chart.label.current", "t", tText));
        Dom.attribute(entropyChart, "aria-label", words.format("sweep.sweep-entropy-chart.label.current",
                "entropy", Numbers.compact(entropy)));

        String[] labels = names.toArray(new String[0]);
        drawn = frame;
        // One motion for both charts: the class curves, then the entropy curve as the last row.
        double[][] curves = Arrays.copyOf(sweep, sweep.length + 1);
        curves[sweep.length] = entropies;
        motion.show(curves, frame.moves());
        showTable(labels, target, words);
    }

    private void drawCurves(double[][] curves) {
        State state = drawn.state();
        double t = state.get(Fields.TEMPERATURE);
        Theme theme = Theme.of(chart);
        List<String> names = state.get(Fields.NAMES);
        int target = state.get(Fields.TARGET);
        double[][] classCurves = Arrays.copyOf(curves, curves.length - 1);
        ChartSurface surface = ChartSurface.of(chart);
        List<Object> drawnFrom = List.of(Arrays.asList(classCurves), names, target, theme);
        curvesBackdrop.show(chart, drawnFrom,
                () -> SweepChart.drawProbabilities(surface, theme, classCurves, names.toArray(new String[0]), target));
        SweepChart.markProbabilities(surface, theme, t);

        double[] entropyCurve = curves[curves.length - 1];
        double maxEntropy = TemperatureSweep.maxEntropy(state.classCount());
        ChartSurface entropySurface = ChartSurface.of(entropyChart);
        List<Object> entropyFrom = List.of(entropyCurve, maxEntropy, theme, drawn.words());
        entropyBackdrop.show(entropyChart, entropyFrom,
                () -> SweepChart.drawEntropy(entropySurface, theme, entropyCurve, maxEntropy, drawn.words()));
        SweepChart.markEntropy(entropySurface, theme, maxEntropy, t, drawn.exact().entropy());
    }

    private void showTable(String[] names, int target, Messages words) {
        List<Object> shows = List.of(tableRows, Arrays.asList(names), target, words);
        if (shows.equals(tableShows)) {
            return;
        }
        tableShows = shows;
        String[] headers = new String[TABLE_TEMPERATURES.length + 1];
        headers[0] = words.text("table.class");
        for (int c = 0; c < TABLE_TEMPERATURES.length; c++) {
            headers[c + 1] = "T = " + Format.shortest(TABLE_TEMPERATURES[c]);
        }
        table.shape(headers, names.length, 1);
        for (int i = 0; i < names.length; i++) {
            table.rowHeader(i, names[i], i == target);
            for (int c = 0; c < TABLE_TEMPERATURES.length; c++) {
                table.cell(i, c + 1, Numbers.compact(tableRows[c][i]));
            }
        }
        table.footerHeader(0, words.text("sweep.table.entropy"));
        for (int c = 0; c < TABLE_TEMPERATURES.length; c++) {
            table.footerCell(0, c + 1, Numbers.compact(tableEntropies[c]));
        }
    }
}
