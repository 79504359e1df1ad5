package dev.softmaxexplorer.web.view;

import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.core.Format;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Probability bars on a 0..1 axis: the true class green with a tick, the others blue, the value on
 * each bar, a triangle over the predicted class. NaN and Infinity are written where the bar would be.
 */
public final class ProbabilityChart {
    private static final double LEFT = 36;
    private static final double TOP = 30;
    private static final double BOTTOM = 40;
    private static final double GAP = 0.28;

    private ProbabilityChart() {
    }

    public static void draw(ChartSurface surface, Theme theme, String[] names, double[] p, int target,
            int predicted, Messages words) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT;
        double plotHeight = surface.height - TOP - BOTTOM;
        Axes.probabilityGrid(ctx, theme, LEFT, TOP, plotWidth, plotHeight);
        double slot = plotWidth / p.length;
        double barWidth = slot * (1 - GAP);
        for (int i = 0; i < p.length; i++) {
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double centre = x + barWidth / 2;
            double base = TOP + plotHeight;
            boolean finite = !Double.isNaN(p[i]) && !Double.isInfinite(p[i]);
            double top = base - (finite ? Math.max(0, Math.min(1, p[i])) * plotHeight : 0);
            ctx.setFont(theme.smallFont());
            ctx.setTextAlign("center");
            if (finite) {
                ctx.setFillStyle(i == target ? theme.trueClass() : theme.otherClass());
                ctx.fillRect(x, top, barWidth, base - top);
                ctx.setFillStyle(theme.foreground());
            } else {
                ctx.setFillStyle(theme.bad());
                top = base - plotHeight / 2;
            }
            ctx.setTextBaseline("bottom");
            ctx.fillText(Format.significant(p[i], 3), centre, top - 3, slot);
            if (i == predicted) {
                marker(ctx, theme, centre, top - 20);
            }
            ctx.setFillStyle(i == target ? theme.trueClass() : theme.foreground());
            ctx.setTextBaseline("top");
            ctx.fillText(Labels.fit(ctx, names[i], slot - 2), centre, base + 5, slot);
            if (i == target) {
                ctx.fillText(words.text("chart.true"), centre, base + 21, slot);
            }
        }
    }

    private static void marker(CanvasRenderingContext2D ctx, Theme theme, double centre, double y) {
        ctx.setFillStyle(theme.predicted());
        ctx.beginPath();
        ctx.moveTo(centre - 6, y - 9);
        ctx.lineTo(centre + 6, y - 9);
        ctx.lineTo(centre, y);
        ctx.closePath();
        ctx.fill();
    }
}
