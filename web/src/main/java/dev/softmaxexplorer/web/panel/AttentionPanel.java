package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Attention;
import dev.softmaxexplorer.core.AttentionSaturation;
import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.SeededGenerator;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.Timing;
import dev.softmaxexplorer.web.browser.Visibility;
import dev.softmaxexplorer.web.chart.AttentionHeatmap;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.SaturationChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import dev.softmaxexplorer.web.text.Split;
import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * Scaled dot-product attention on n named tokens with random N(0, 1) queries and keys: the
 * weights as a heatmap and a table with each row's entropy, and how the mean row entropy and the
 * mean largest weight change with d_k with and without the 1/sqrt(d_k) scaling (a temperature
 * T = sqrt(d_k)), each point averaged over {@link #SEEDS} seeds starting at the view's seed and
 * computed in idle time, the chart filling in from d_k = 1 up.
 */
public final class AttentionPanel implements Panel {
    /** How many seeds each point of the saturation chart averages. */
    private static final int SEEDS = 4;

    private final HTMLSelectElement tokens = Dom.byId("attention-tokens", HTMLSelectElement.class);
    private final HTMLInputElement seed = Dom.byId("attention-seed", HTMLInputElement.class);
    private final HTMLElement newSeed = Dom.byId("attention-new-seed");
    private final HTMLInputElement slider = Dom.byId("dk-slider", HTMLInputElement.class);
    private final HTMLInputElement dimension = Dom.byId("key-dimension", HTMLInputElement.class);
    private final HTMLInputElement scaled = Dom.byId("attention-scaled", HTMLInputElement.class);
    private final HTMLInputElement causal = Dom.byId("attention-causal", HTMLInputElement.class);
    private final HTMLElement summary = Dom.byId("attention-summary");
    private final HTMLCanvasElement heatmap = Dom.byId("attention-heatmap", HTMLCanvasElement.class);
    private final NumberTable table = new NumberTable(Dom.byId("attention-table"));
    private final HTMLElement saturationTitle = Dom.byId("saturation-title");
    private final HTMLCanvasElement saturationChart = Dom.byId("saturation-chart", HTMLCanvasElement.class);
    private final NumberTable saturationTable = new NumberTable(Dom.byId("saturation-table"));

    /** The idle time one step of the sweep may take before it yields: keeps each task near 10 ms. */
    private static final double SWEEP_SLICE_MS = 6;

    // Caches keyed by what they depend on (the sweep not on the current d_k or scaling); not copies of the state.
    private Shown shown;
    /** The sweep under way or done, spread over idle callbacks; its points are drawn as they come. */
    private AttentionSaturation.Sweep sweep;
    private final int[] sweepDimensions = AttentionSaturation.dimensions();
    private final double[][] sweepLargest = new double[2][sweepDimensions.length];
    private final double[][] sweepEntropy = new double[2][sweepDimensions.length];
    private int sweepDone;
    private boolean sweepPending;
    private int sweptTokens;
    private boolean sweptCausal;
    private int sweptSeed;
    /** The words the sweep's table rows up to sweepDone were written in. */
    private Messages sweptWords;
    private int tabledRows;
    private double sweepMaxEntropy;
    private String[] sweepTitles;
    private String[] sweepLines;
    /** The d_k marked on the sweep's chart by the last frame, for redraws between frames. */
    private int markedDimension;

    public AttentionPanel(Editor editor) {
        tokens.addEventListener("change", e -> editor.set(tokens, Fields.ATTENTION_TOKENS, tokens.getValue()));
        seed.onInput(e -> editor.set(seed, Fields.ATTENTION_SEED, seed.getValue()));
        // As in the sampling view: the next seed comes from the generator seeded with this one.
        newSeed.addEventListener("click", e -> editor.edit(newSeed, s -> s.with(Fields.ATTENTION_SEED,
                new SeededGenerator(s.get(Fields.ATTENTION_SEED)).nextInt() & Integer.MAX_VALUE)));
        slider.onInput(e -> {
            int d = 1 << Integer.parseInt(slider.getValue());
            editor.edit(slider, s -> s.with(Fields.KEY_DIMENSION, d));
        });
        dimension.onInput(e -> editor.set(dimension, Fields.KEY_DIMENSION, dimension.getValue()));
        scaled.addEventListener("change", e -> editor.edit(scaled, s -> s.with(Fields.UNSCALED, !scaled.isChecked())));
        causal.addEventListener("change", e -> editor.edit(causal, s -> s.with(Fields.CAUSAL, causal.isChecked())));
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        Messages words = frame.words();
        int n = state.get(Fields.ATTENTION_TOKENS);
        int d = state.get(Fields.KEY_DIMENSION);
        boolean unscaled = state.get(Fields.UNSCALED);
        boolean masked = state.get(Fields.CAUSAL);
        int seedValue = state.get(Fields.ATTENTION_SEED);
        showControls(frame, n, d, unscaled, masked, seedValue);
        if (shown == null || !shown.matches(n, d, unscaled, masked, seedValue, words)) {
            shown = new Shown(n, d, unscaled, masked, seedValue, words);
            Dom.text(summary, shown.summary);
            table.shape(shown.headers, n, 0);
            for (int i = 0; i < n; i++) {
                table.rowHeader(i, shown.names[i], false);
                for (int j = 0; j <= n; j++) {
                    table.cell(i, j + 1, shown.tableCells[i][j]);
                }
            }
        }
        ChartQueue.later(() -> AttentionHeatmap.draw(ChartSurface.of(heatmap), Theme.of(heatmap), shown.names,
                shown.weights, shown.visible, shown.heatmapCells, shown.entropyCells, "H",
                AttentionHeatmap.background(heatmap)));
        renderSweep(words, n, masked, seedValue, d);
    }

    /**
     * What the heatmap, its table and the sentence show for one set of the view's inputs, computed
     * and formatted once: a change elsewhere on the page (T, a logit) redraws from it.
     */
    private static final class Shown {
        final int n;
        final int d;
        final boolean unscaled;
        final boolean masked;
        final int seed;
        final Messages words;
        final String[] names;
        final double[][] weights;
        final int[] visible;
        final String[][] heatmapCells;
        final String[] entropyCells;
        final String[] headers;
        final String[][] tableCells;
        final String summary;

        Shown(int n, int d, boolean unscaled, boolean masked, int seed, Messages words) {
            this.n = n;
            this.d = d;
            this.unscaled = unscaled;
            this.masked = masked;
            this.seed = seed;
            this.words = words;
            names = tokenNames(words, n);
            double[][][] qk = AttentionSaturation.queriesAndKeys(seed, n, d);
            double root = Math.sqrt(d);
            weights = Attention.weights(qk[0], qk[1], unscaled ? 1.0 : 1.0 / root, masked);
            visible = new int[n];
            heatmapCells = new String[n][n];
            entropyCells = new String[n];
            tableCells = new String[n][n + 1];
            double entropySum = 0;
            double largestSum = 0;
            double uniform = 0;
            for (int i = 0; i < n; i++) {
                double entropy = Attention.entropy(weights[i]);
                visible[i] = masked ? i + 1 : n;
                entropySum += entropy;
                uniform += uniformEntropy(visible[i]);
                double largest = 0;
                for (int j = 0; j < n; j++) {
                    largest = Math.max(largest, weights[i][j]);
                    boolean seen = j < visible[i];
                    heatmapCells[i][j] = seen ? Format.fixed(weights[i][j], 2) : "";
                    tableCells[i][j] = seen ? Numbers.compact(weights[i][j]) : "\u2013";
                }
                largestSum += largest;
                entropyCells[i] = Format.fixed(entropy, 2);
                tableCells[i][n] = Numbers.compact(entropy);
            }
            headers = new String[n + 2];
            headers[0] = words.text("attention.table.query");
            System.arraycopy(names, 0, headers, 1, n);
            headers[n + 1] = words.text("attention.table.entropy");
            summary = words.format(unscaled ? "attention.summary.unscaled" : "attention.summary.scaled",
                    "h", Format.fixed(entropySum / n, 3), "uniform", Format.fixed(uniform / n, 3),
                    "largest", Format.fixed(largestSum / n, 3), "sqrt", Numbers.compact(root));
        }

        boolean matches(int n2, int d2, boolean unscaled2, boolean masked2, int seed2, Messages words2) {
            return n == n2 && d == d2 && unscaled == unscaled2 && masked == masked2 && seed == seed2
                    && words == words2;
        }
    }

    private void renderSweep(Messages words, int n, boolean masked, int seedValue, int d) {
        if (sweep == null || sweptTokens != n || sweptCausal != masked || sweptSeed != seedValue) {
            sweep = new AttentionSaturation.Sweep(n, masked, seedValue, SEEDS);
            sweepDone = 0;
            sweptTokens = n;
            sweptCausal = masked;
            sweptSeed = seedValue;
            sweptWords = null;
            scheduleSweep();
        }
        if (sweptWords != words) {
            sweptWords = words;
            tabledRows = 0;
            sweepMaxEntropy = uniformEntropy(sweptTokens);
            sweepTitles = new String[] {words.text("attention.chart.largest"), words.text("attention.chart.entropy")};
            sweepLines = new String[] {words.text("attention.chart.scaled"), words.text("attention.chart.unscaled")};
            Dom.text(saturationTitle, words.format("attention.saturation-title", "seeds", Integer.toString(SEEDS)));
            String pending = words.text("attention.sweep.pending");
            saturationTable.shape(new String[] {words.text("attention.table.dk"),
                words.text("attention.table.entropy-scaled"), words.text("attention.table.entropy-unscaled"),
                words.text("attention.table.largest-scaled"), words.text("attention.table.largest-unscaled")},
                sweepDimensions.length, 0);
            for (int p = 0; p < sweepDimensions.length; p++) {
                saturationTable.rowHeader(p, Integer.toString(sweepDimensions[p]), false);
                for (int c = 1; c <= 4; c++) {
                    saturationTable.cell(p, c, pending);
                }
            }
        }
        markedDimension = d;
        drawSweep();
    }

    /**
     * Computes the sweep in idle callbacks, each advancing it for about {@link #SWEEP_SLICE_MS}
     * (a step is one d_k for one seed, at most a few milliseconds), then drawing what is done: no
     * single task blocks an input for long, and the points are the same as in one go.
     */
    private void scheduleSweep() {
        if (sweepPending) {
            return;
        }
        sweepPending = true;
        Visibility.whenIdle(() -> {
            sweepPending = false;
            double start = Timing.now();
            boolean more = true;
            while (more && Timing.now() - start < SWEEP_SLICE_MS) {
                more = sweep.advance();
            }
            drawSweep();
            if (more) {
                scheduleSweep();
            }
        });
    }

    /** The sweep's chart with the points done so far, and the table rows not yet written. */
    private void drawSweep() {
        AttentionSaturation.Point[] points = sweep.points();
        for (int p = sweepDone; p < points.length; p++) {
            AttentionSaturation.Point point = points[p];
            sweepLargest[0][p] = point.scaledLargest();
            sweepLargest[1][p] = point.unscaledLargest();
            sweepEntropy[0][p] = point.scaledEntropy();
            sweepEntropy[1][p] = point.unscaledEntropy();
        }
        sweepDone = points.length;
        for (int p = tabledRows; p < sweepDone; p++) {
            saturationTable.cell(p, 1, Format.fixed(sweepEntropy[0][p], 3));
            saturationTable.cell(p, 2, Format.fixed(sweepEntropy[1][p], 3));
            saturationTable.cell(p, 3, Format.fixed(sweepLargest[0][p], 3));
            saturationTable.cell(p, 4, Format.fixed(sweepLargest[1][p], 3));
        }
        tabledRows = sweepDone;
        ChartQueue.later(() -> SaturationChart.draw(ChartSurface.of(saturationChart), Theme.of(saturationChart),
                sweepDimensions, sweepLargest, sweepEntropy, sweepDone, sweepMaxEntropy, markedDimension, sweepTitles,
                sweepLines));
    }

    /** The entropies of rows of v equal weights, by v, computed once each (they do not change with d_k). */
    private static final Map<Integer, Double> UNIFORM = new HashMap<>();

    /** {@link Attention#entropy} of v equal weights 1/v, remembered. */
    private static double uniformEntropy(int v) {
        return UNIFORM.computeIfAbsent(v, count -> Attention.entropy(uniformRow(count)));
    }

    /** n equal weights 1/n, whose entropy is log n. */
    private static double[] uniformRow(int n) {
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            row[i] = 1.0 / n;
        }
        return row;
    }

    /** The first n words of the view's sentence in the page's language. */
    private static String[] tokenNames(Messages words, int n) {
        String[] all = Split.at(words.text("attention.sentence"), ' ');
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = i < all.length ? all[i] : Integer.toString(i + 1);
        }
        return names;
    }

    private void showControls(Frame frame, int n, int d, boolean unscaled, boolean masked, int seedValue) {
        String count = Integer.toString(n);
        if (!tokens.getValue().equals(count)) {
            tokens.setValue(count);
        }
        Dom.value(seed, Integer.toString(seedValue));
        Dom.value(dimension, Integer.toString(d));
        int position = 0;
        while ((1 << (position + 1)) <= d) {
            position++;
        }
        Dom.value(slider, Integer.toString(position));
        Dom.attribute(slider, "aria-valuetext", frame.words().format("attention.dk.value", "dk", Integer.toString(d)));
        scaled.setChecked(!unscaled);
        causal.setChecked(masked);
    }
}
