package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The sampling histogram on a 0..1 axis: per class a filled bar for the share of the draws, an
 * outlined box for the filtered distribution the draws came from, and a faint dashed tick at the
 * unfiltered p. A class the filters removed is labelled "removed" under its name.
 */
public final class SamplingChart {
    private static final double LEFT = 36;
    private static final double TOP = 22;
    private static final double BOTTOM = 40;

    private SamplingChart() {
    }

    public static void draw(ChartSurface surface, Theme theme, String[] names, double[] p, double[] filtered,
            double[] shares, int target, Messages words) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT;
        double plotHeight = surface.height - TOP - BOTTOM;
        double base = TOP + plotHeight;
        Axes.probabilityGrid(ctx, theme, LEFT, TOP, plotWidth, plotHeight);
        double slot = plotWidth / names.length;
        double boxWidth = slot * 0.72;
        double barWidth = slot * 0.44;
        for (int i = 0; i < names.length; i++) {
            double centre = LEFT + slot * i + slot / 2;
            double shareTop = base - clamp(shares[i]) * plotHeight;
            ctx.setFillStyle(i == target ? theme.trueClass() : theme.otherClass());
            ctx.fillRect(centre - barWidth / 2, shareTop, barWidth, base - shareTop);

            double filteredTop = base - clamp(filtered[i]) * plotHeight;
            ctx.setStrokeStyle(theme.foreground());
            ctx.setLineWidth(1.5);
            ctx.strokeRect(centre - boxWidth / 2, filteredTop, boxWidth, base - filteredTop);

            double pY = base - clamp(p[i]) * plotHeight;
            ctx.setStrokeStyle(theme.muted());
            ctx.setGlobalAlpha(0.7);
            SweepChart.lineDash(ctx, 3, 3);
            ctx.beginPath();
            ctx.moveTo(centre - slot * 0.48, pY);
            ctx.lineTo(centre + slot * 0.48, pY);
            ctx.stroke();
            SweepChart.lineDash(ctx, 0, 0);
            ctx.setGlobalAlpha(1);

            ctx.setFont(theme.smallFont());
            ctx.setTextAlign("center");
            ctx.setTextBaseline("bottom");
            ctx.setFillStyle(theme.foreground());
            ctx.fillText(Format.percent(shares[i], 1), centre, Math.min(shareTop, filteredTop) - 3, slot);
            ctx.setTextBaseline("top");
            ctx.setFillStyle(i == target ? theme.trueClass() : theme.foreground());
            ctx.fillText(Labels.fit(ctx, names[i], slot - 2), centre, base + 5, slot);
            if (filtered[i] == 0 && p[i] > 0) {
                ctx.setFillStyle(theme.muted());
                ctx.fillText(words.text("sampling.chart.removed"), centre, base + 21, slot);
            } else if (i == target) {
                ctx.fillText(words.text("chart.true"), centre, base + 21, slot);
            }
        }
    }

    private static double clamp(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
