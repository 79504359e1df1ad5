package dev.softmaxexplorer.web.chart;

import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Attention weights as a grid, one row a query and one column a key, each cell's shade its weight
 * (from the background at 0 to the class colour at 1) with the weight written in it when it fits,
 * a dash in the cells a mask hides, and the row's entropy at its right.
 */
public final class AttentionHeatmap {
    private static final double TOP = 24;
    private static final double ENTROPY_WIDTH = 56;
    private static final double MIN_TEXT_CELL = 34;

    private static String backgroundKey = "";
    private static String background;

    private AttentionHeatmap() {
    }

    /** The page's background colour (the text colour on dark cells), read again only when the scheme changes. */
    public static String background(HTMLElement element) {
        String key = Css.schemeKey();
        if (background == null || !key.equals(backgroundKey)) {
            background = Css.property(element, "--bg");
            backgroundKey = key;
        }
        return background;
    }

    /**
     * @param weights n rows of n weights
     * @param visible how many keys row i sees (the rest are masked)
     * @param cells each weight as written in its cell
     * @param entropies each row's entropy as written at its right
     */
    public static void draw(ChartSurface surface, Theme theme, String[] tokens, double[][] weights, int[] visible,
            String[][] cells, String[] entropies, String entropyLabel, String background) {
        CanvasRenderingContext2D ctx = surface.context;
        int n = tokens.length;
        ctx.setFont(theme.smallFont());
        double labelWidth = 0;
        for (String t : tokens) {
            labelWidth = Math.max(labelWidth, ctx.measureText(t).getWidth());
        }
        double left = Math.min(labelWidth + 8, surface.width * 0.25);
        double cell = Math.min((surface.width - left - ENTROPY_WIDTH) / n, (surface.height - TOP - 4) / n);
        ctx.setTextBaseline("middle");
        ctx.setTextAlign("center");
        ctx.setFillStyle(theme.muted());
        for (int j = 0; j < n; j++) {
            ctx.fillText(Labels.fit(ctx, tokens[j], cell - 2), left + cell * j + cell / 2, TOP / 2, cell);
        }
        ctx.fillText(entropyLabel, left + cell * n + ENTROPY_WIDTH / 2, TOP / 2, ENTROPY_WIDTH);
        boolean text = cell >= MIN_TEXT_CELL;
        for (int i = 0; i < n; i++) {
            double y = TOP + cell * i;
            ctx.setTextAlign("right");
            ctx.setFillStyle(theme.foreground());
            ctx.fillText(Labels.fit(ctx, tokens[i], left - 6), left - 6, y + cell / 2, left - 6);
            for (int j = 0; j < n; j++) {
                double x = left + cell * j;
                ctx.setTextAlign("center");
                if (j >= visible[i]) {
                    ctx.setStrokeStyle(theme.grid());
                    ctx.setLineWidth(1);
                    ctx.strokeRect(x + 1.5, y + 1.5, cell - 3, cell - 3);
                    ctx.setFillStyle(theme.muted());
                    ctx.fillText("\u2013", x + cell / 2, y + cell / 2, cell);
                    continue;
                }
                double w = weights[i][j];
                ctx.setFillStyle(theme.otherClass());
                ctx.setGlobalAlpha(Math.max(0.04, Math.min(1, w)));
                ctx.fillRect(x + 1, y + 1, cell - 2, cell - 2);
                ctx.setGlobalAlpha(1);
                if (text) {
                    // Dark text on light cells, the background colour on dark ones.
                    ctx.setFillStyle(w > 0.5 ? background : theme.foreground());
                    ctx.fillText(cells[i][j], x + cell / 2, y + cell / 2, cell - 2);
                }
            }
            ctx.setTextAlign("center");
            ctx.setFillStyle(theme.foreground());
            ctx.fillText(entropies[i], left + cell * n + ENTROPY_WIDTH / 2, y + cell / 2,
                    ENTROPY_WIDTH);
        }
    }
}
