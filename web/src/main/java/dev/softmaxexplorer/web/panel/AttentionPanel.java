package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Attention;
import dev.softmaxexplorer.core.AttentionSaturation;
import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.SeededGenerator;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.AttentionHeatmap;
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
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * Scaled dot-product attention on n named tokens with random N(0, 1) queries and keys: the
 * weights as a heatmap and a table with each row's entropy, and how the mean row entropy and the
 * mean largest weight change with d_k with and without the 1/sqrt(d_k) scaling (a temperature
 * T = sqrt(d_k)), each point averaged over {@link #SEEDS} seeds starting at the view's seed.
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

    // Caches keyed by what they depend on (the sweep not on the current d_k or scaling); not copies of the state.
    private Shown shown;
    private AttentionSaturation.Point[] sweep;
    private int sweptTokens;
    private boolean sweptCausal;
    private int sweptSeed;
    private Messages sweptWords;
    private double sweepMaxEntropy;
    private String[] sweepTitles;
    private String[] sweepLines;

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
        AttentionHeatmap.draw(ChartSurface.of(heatmap), Theme.of(heatmap), shown.names, shown.weights, shown.visible,
                shown.heatmapCells, shown.entropyCells, "H", AttentionHeatmap.background(heatmap));
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
                uniform += Attention.entropy(uniformRow(visible[i]));
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
        if (sweep == null || sweptTokens != n || sweptCausal != masked || sweptSeed != seedValue
                || sweptWords != words) {
            sweep = AttentionSaturation.sweep(n, masked, seedValue, SEEDS);
            sweptTokens = n;
            sweptCausal = masked;
            sweptSeed = seedValue;
            sweptWords = words;
            fillSweepTable(words);
        }
        int points = sweep.length;
        int[] dimensions = new int[points];
        double[][] largest = new double[2][points];
        double[][] entropy = new double[2][points];
        for (int p = 0; p < points; p++) {
            AttentionSaturation.Point point = sweep[p];
            dimensions[p] = point.dimension();
            largest[0][p] = point.scaledLargest();
            largest[1][p] = point.unscaledLargest();
            entropy[0][p] = point.scaledEntropy();
            entropy[1][p] = point.unscaledEntropy();
        }
        SaturationChart.draw(ChartSurface.of(saturationChart), Theme.of(saturationChart), dimensions, largest, entropy,
                sweepMaxEntropy, d, sweepTitles, sweepLines);
    }

    /** The sweep's table, title, axis top and line names: they change only with the sweep. */
    private void fillSweepTable(Messages words) {
        int points = sweep.length;
        sweepMaxEntropy = Attention.entropy(uniformRow(sweptTokens));
        sweepTitles = new String[] {words.text("attention.chart.largest"), words.text("attention.chart.entropy")};
        sweepLines = new String[] {words.text("attention.chart.scaled"), words.text("attention.chart.unscaled")};
        Dom.text(saturationTitle, words.format("attention.saturation-title", "seeds", Integer.toString(SEEDS)));
        saturationTable.shape(new String[] {words.text("attention.table.dk"),
            words.text("attention.table.entropy-scaled"), words.text("attention.table.entropy-unscaled"),
            words.text("attention.table.largest-scaled"), words.text("attention.table.largest-unscaled")}, points, 0);
        for (int p = 0; p < points; p++) {
            AttentionSaturation.Point point = sweep[p];
            saturationTable.rowHeader(p, Integer.toString(point.dimension()), false);
            saturationTable.cell(p, 1, Format.fixed(point.scaledEntropy(), 3));
            saturationTable.cell(p, 2, Format.fixed(point.unscaledEntropy(), 3));
            saturationTable.cell(p, 3, Format.fixed(point.scaledLargest(), 3));
            saturationTable.cell(p, 4, Format.fixed(point.unscaledLargest(), 3));
        }
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
