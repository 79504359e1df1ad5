package dev.softmaxexplorer.web.chart;

import org.teavm.jso.JSBody;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The sampler chain's stages side by side on one scale, the same classes in the same places in
 * every panel: a class still in the chain is a solid bar of its probability at that stage, a class
 * a step removed is a grey outline at its input probability, so what each step cut stays visible.
 * With more classes than pixel columns, each column shows the largest bar of its classes.
 */
public final class ChainChart {
    private static final double TITLE = 34;
    private static final double PAD = 6;

    private ChainChart() {
    }

    /**
     * @param titles two lines per panel ({@code titles[panel][0]} the step, {@code [1]} what it kept)
     * @param probabilities {@code probabilities[panel][class]}, 0 for a removed class
     * @param kept {@code kept[panel][class]}
     * @param input the input stage's probabilities, the height of a removed class's outline
     */
    public static void draw(ChartSurface surface, Theme theme, String[][] titles, double[][] probabilities,
            boolean[][] kept, double[] input, int target) {
        CanvasRenderingContext2D ctx = surface.context;
        int panels = titles.length;
        double panelWidth = surface.width / panels;
        double plotHeight = surface.height - TITLE - 2 * PAD;
        double top = 0;
        for (double p : input) {
            top = Math.max(top, p);
        }
        for (double[] stage : probabilities) {
            for (double p : stage) {
                top = Math.max(top, p);
            }
        }
        int classes = input.length;
        int columns = (int) Math.max(1, Math.min(classes, Math.floor(panelWidth - 2 * PAD)));
        double slot = (panelWidth - 2 * PAD) / columns;
        for (int panel = 0; panel < panels; panel++) {
            double left = panel * panelWidth;
            ctx.setFont(theme.smallFont());
            ctx.setTextAlign("center");
            ctx.setTextBaseline("top");
            ctx.setFillStyle(theme.foreground());
            ctx.fillText(titles[panel][0], left + panelWidth / 2, 1, panelWidth - 4);
            ctx.setFillStyle(theme.muted());
            ctx.fillText(titles[panel][1], left + panelWidth / 2, 16, panelWidth - 4);
            double base = TITLE + PAD + plotHeight;
            ctx.setStrokeStyle(theme.grid());
            ctx.setLineWidth(1);
            ctx.beginPath();
            ctx.moveTo(left + PAD, Math.floor(base) + 0.5);
            ctx.lineTo(left + panelWidth - PAD, Math.floor(base) + 0.5);
            ctx.stroke();
            double[] solid = new double[columns];
            double[] ghost = new double[columns];
            boolean[] holdsTarget = new boolean[columns];
            for (int i = 0; i < classes; i++) {
                int c = (int) ((double) i * columns / classes);
                if (kept[panel][i]) {
                    solid[c] = Math.max(solid[c], probabilities[panel][i]);
                } else {
                    ghost[c] = Math.max(ghost[c], input[i]);
                }
                holdsTarget[c] |= i == target;
            }
            for (int c = 0; c < columns; c++) {
                double x = left + PAD + slot * c + (slot > 3 ? slot * 0.15 : 0);
                double width = slot > 3 ? slot * 0.7 : Math.max(slot, 1);
                if (ghost[c] > solid[c]) {
                    double h = ghost[c] / top * plotHeight;
                    ctx.setStrokeStyle(theme.muted());
                    ctx.setLineWidth(1);
                    dash(ctx, 3, 2);
                    ctx.strokeRect(x + 0.5, base - h + 0.5, Math.max(width - 1, 0.5), h - 0.5);
                    dash(ctx, 0, 0);
                }
                if (solid[c] > 0) {
                    double h = solid[c] / top * plotHeight;
                    ctx.setFillStyle(holdsTarget[c] ? theme.trueClass() : theme.otherClass());
                    ctx.fillRect(x, base - h, width, h);
                }
            }
        }
    }

    @JSBody(params = {"ctx", "on", "off"}, script = "ctx.setLineDash(on > 0 ? [on, off] : []);")
    private static native void dash(CanvasRenderingContext2D ctx, double on, double off);
}
