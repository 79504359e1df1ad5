package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Two small plots over d_k = 1 to 1024 on a log axis, one above the other: the mean largest
 * weight (0 to 1) and the mean row entropy (0 to log n), each with a solid line for scaled scores
 * and a dashed one for unscaled, named at their right end, and the current d_k marked.
 */
public final class SaturationChart {
    private static final double LEFT = 36;
    private static final double RIGHT = 74;
    private static final double TOP = 20;
    private static final double GAP = 34;
    private static final double BOTTOM = 22;

    private SaturationChart() {
    }

    /**
     * @param dimensions the d_k of the points (powers of two from 1)
     * @param largest {scaled, unscaled} mean largest weights
     * @param entropy {scaled, unscaled} mean row entropies
     * @param computed how many points (from the first) are known: the lines stop there and are
     *     named once complete
     * @param maxEntropy log n, the top of the entropy axis
     * @param titles {largest, entropy} plot titles; lines {scaled, unscaled} names
     */
    public static void draw(ChartSurface surface, Theme theme, int[] dimensions, double[][] largest,
            double[][] entropy, int computed, double maxEntropy, int current, String[] titles, String[] lines) {
        CanvasRenderingContext2D ctx = surface.context;
        double width = surface.width - LEFT - RIGHT;
        double height = (surface.height - TOP - GAP - BOTTOM) / 2;
        plot(ctx, theme, dimensions, largest, computed, 1, TOP, width, height, titles[0], lines);
        plot(ctx, theme, dimensions, entropy, computed, maxEntropy, TOP + height + GAP, width, height, titles[1], lines);
        double span = Math.log(dimensions[dimensions.length - 1]);
        ctx.setFont(theme.smallFont());
        ctx.setFillStyle(theme.muted());
        ctx.setTextAlign("center");
        ctx.setTextBaseline("top");
        double base = TOP + height * 2 + GAP;
        for (int d : dimensions) {
            if (d == 1 || d == 8 || d == 64 || d == 1024 || d == 16 && width > 300 || d == 256 && width > 300) {
                ctx.fillText(Integer.toString(d), LEFT + width * Math.log(d) / span, base + 4);
            }
        }
        double x = Math.floor(LEFT + width * Math.log(current) / span) + 0.5;
        ctx.setStrokeStyle(theme.foreground());
        ctx.setLineWidth(1);
        ctx.beginPath();
        ctx.moveTo(x, TOP);
        ctx.lineTo(x, base);
        ctx.stroke();
    }

    private static void plot(CanvasRenderingContext2D ctx, Theme theme, int[] dimensions, double[][] series,
            int computed, double top, double y0, double width, double height, String title, String[] lines) {
        ctx.setFont(theme.smallFont());
        ctx.setTextBaseline("bottom");
        ctx.setTextAlign("left");
        ctx.setFillStyle(theme.foreground());
        ctx.fillText(title, LEFT, y0 - 4);
        ctx.setStrokeStyle(theme.grid());
        ctx.setLineWidth(1);
        ctx.setTextAlign("right");
        ctx.setTextBaseline("middle");
        for (int i = 0; i <= 2; i++) {
            double y = Math.floor(y0 + height - height * i / 2) + 0.5;
            ctx.beginPath();
            ctx.moveTo(LEFT, y);
            ctx.lineTo(LEFT + width, y);
            ctx.stroke();
            ctx.setFillStyle(theme.muted());
            ctx.fillText(i == 0 ? "0" : Format.significant(top * i / 2, 2), LEFT - 6, y);
        }
        double span = Math.log(dimensions[dimensions.length - 1]);
        double[] ends = new double[2];
        for (int s = 0; s < 2; s++) {
            ctx.setStrokeStyle(s == 0 ? theme.trueClass() : theme.otherClass());
            ctx.setLineWidth(s == 0 ? 3 : 2);
            SweepChart.lineDash(ctx, s == 0 ? 0 : 7, s == 0 ? 0 : 4);
            ctx.beginPath();
            for (int p = 0; p < computed; p++) {
                double x = LEFT + width * Math.log(dimensions[p]) / span;
                double y = y0 + height - Math.max(0, Math.min(1, series[s][p] / top)) * height;
                if (p == 0) {
                    ctx.moveTo(x, y);
                } else {
                    ctx.lineTo(x, y);
                }
            }
            ctx.stroke();
            ends[s] = y0 + height - Math.max(0, Math.min(1, series[s][dimensions.length - 1] / top)) * height;
        }
        SweepChart.lineDash(ctx, 0, 0);
        if (computed < dimensions.length) {
            return;
        }
        // Names at the right ends, pushed apart when the lines end close together.
        if (Math.abs(ends[0] - ends[1]) < 14) {
            double middle = (ends[0] + ends[1]) / 2;
            boolean firstAbove = ends[0] <= ends[1];
            ends[0] = middle + (firstAbove ? -7 : 7);
            ends[1] = middle + (firstAbove ? 7 : -7);
        }
        ctx.setTextAlign("left");
        for (int s = 0; s < 2; s++) {
            ctx.setFillStyle(s == 0 ? theme.trueClass() : theme.otherClass());
            ctx.fillText(lines[s], LEFT + width + 4, ends[s], RIGHT - 6);
        }
    }
}
