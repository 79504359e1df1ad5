package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Signed bars of dL/dz_i around a zero line: up for a positive gradient (a step lowers that logit),
 * down for a negative one (a step raises it). The axis is symmetric and scaled to the largest
 * magnitude; each bar carries its value, each class its name and target y. A value that is not
 * finite is written as a word in place of a bar.
 */
public final class GradientChart {
    private static final double LEFT = 52;
    private static final double TOP = 8;
    private static final double BOTTOM = 42;
    /** Room kept above and below the longest bars for their value labels. */
    private static final double LABEL_ROOM = 18;
    private static final double GAP = 0.3;

    private GradientChart() {
    }

    /**
     * @param gradient dL/dz per class
     * @param target y per class, written under each name
     * @param heights the bars' values now: the gradient, or on the way to it (a {@link Motion})
     */
    public static void draw(ChartSurface surface, Theme theme, String[] names, double[] gradient, double[] target,
            double[] heights, int trueClass) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT;
        double plotHeight = surface.height - TOP - BOTTOM;
        if (plotWidth <= 0 || plotHeight <= 2 * LABEL_ROOM) {
            return;
        }
        double scale = largestMagnitude(heights);
        double zero = Math.floor(TOP + plotHeight / 2) + 0.5;
        double half = plotHeight / 2 - LABEL_ROOM;
        axis(ctx, theme, zero, half, plotWidth, scale);
        double slot = plotWidth / gradient.length;
        double barWidth = slot * (1 - GAP);
        for (int i = 0; i < gradient.length; i++) {
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double centre = x + barWidth / 2;
            double g = gradient[i];
            ctx.setFont(theme.smallFont());
            ctx.setTextAlign("center");
            if (Double.isNaN(g) || Double.isInfinite(g)) {
                ctx.setFillStyle(theme.bad());
                ctx.setTextBaseline("bottom");
                ctx.fillText(Format.significant(g, 3), centre, zero - 3, slot);
            } else {
                double h = heights[i];
                double length = Math.min(1, Math.abs(h) / scale) * half;
                double top = h >= 0 ? zero - length : zero;
                ctx.setFillStyle(i == trueClass ? theme.trueClass() : theme.otherClass());
                ctx.fillRect(x, top, barWidth, length);
                ctx.setFillStyle(theme.foreground());
                ctx.setTextBaseline(h >= 0 ? "bottom" : "top");
                ctx.fillText(Format.significant(g, 3), centre, h >= 0 ? top - 3 : top + length + 3, slot);
            }
            double base = TOP + plotHeight;
            ctx.setTextBaseline("top");
            ctx.setFillStyle(i == trueClass ? theme.trueClass() : theme.foreground());
            String label = i == trueClass ? names[i] + " \u2713" : names[i];
            ctx.fillText(Labels.fit(ctx, label, slot - 2), centre, base + 4, slot);
            ctx.setFillStyle(theme.muted());
            ctx.fillText(Labels.fit(ctx, "y = " + Format.significant(target[i], 3), slot - 2), centre, base + 20,
                    slot);
        }
    }

    /** The axis half-range: the largest finite |g|, or 1 when every bar is 0 (p equals y). */
    private static double largestMagnitude(double[] gradient) {
        double largest = 0;
        for (double g : gradient) {
            if (!Double.isNaN(g) && !Double.isInfinite(g)) {
                largest = Math.max(largest, Math.abs(g));
            }
        }
        return largest > 0 ? largest : 1;
    }

    private static void axis(CanvasRenderingContext2D ctx, Theme theme, double zero, double half, double width,
            double scale) {
        ctx.setLineWidth(1);
        ctx.setFont(theme.smallFont());
        ctx.setTextAlign("right");
        ctx.setTextBaseline("middle");
        double[] rows = {zero - half, zero + half};
        String magnitude = Format.significant(scale, 2);
        String[] labels = {"+" + magnitude, "\u2212" + magnitude};
        for (int i = 0; i < rows.length; i++) {
            double y = Math.floor(rows[i]) + 0.5;
            ctx.setStrokeStyle(theme.grid());
            ctx.beginPath();
            ctx.moveTo(LEFT, y);
            ctx.lineTo(LEFT + width, y);
            ctx.stroke();
            ctx.setFillStyle(theme.muted());
            ctx.fillText(labels[i], LEFT - 6, y);
        }
        ctx.setStrokeStyle(theme.foreground());
        ctx.setLineWidth(1.5);
        ctx.beginPath();
        ctx.moveTo(LEFT, zero);
        ctx.lineTo(LEFT + width, zero);
        ctx.stroke();
        ctx.setFillStyle(theme.muted());
        ctx.fillText("0", LEFT - 6, zero);
    }
}
