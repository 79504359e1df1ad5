package dev.softmaxexplorer.web.chart;

import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The training target y next to the prediction p, a pair of bars per class on a 0..1 axis: y
 * outlined and hatched, p filled, both in the class's colour (true class green, others blue), the
 * class name underneath. The numbers are in the page's table, not on the bars.
 */
public final class TargetChart {
    private static final double LEFT = 36;
    private static final double TOP = 12;
    private static final double BOTTOM = 28;
    private static final double GAP = 0.3;
    private static final double HATCH_SPACING = 6;

    private TargetChart() {
    }

    public static void draw(ChartSurface surface, Theme theme, String[] names, double[] target, double[] p,
            int trueClass) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT;
        double plotHeight = surface.height - TOP - BOTTOM;
        if (plotWidth <= 0 || plotHeight <= 0) {
            return;
        }
        Axes.probabilityGrid(ctx, theme, LEFT, TOP, plotWidth, plotHeight);
        double slot = plotWidth / p.length;
        double pairWidth = slot * (1 - GAP);
        double barWidth = pairWidth / 2;
        double base = TOP + plotHeight;
        for (int i = 0; i < p.length; i++) {
            String colour = i == trueClass ? theme.trueClass() : theme.otherClass();
            double x = LEFT + slot * i + (slot - pairWidth) / 2;
            hatched(ctx, colour, x, base, barWidth, height(target[i], plotHeight));
            ctx.setFillStyle(colour);
            ctx.fillRect(x + barWidth, base - height(p[i], plotHeight), barWidth, height(p[i], plotHeight));
            ctx.setFont(theme.smallFont());
            ctx.setTextAlign("center");
            ctx.setTextBaseline("top");
            ctx.setFillStyle(i == trueClass ? theme.trueClass() : theme.foreground());
            String label = i == trueClass ? names[i] + " \u2713" : names[i];
            ctx.fillText(Labels.fit(ctx, label, slot - 2), x + pairWidth / 2, base + 5, slot);
        }
    }

    /** Bar height for a value in [0, 1]; NaN or out-of-range values (never from core) draw nothing. */
    private static double height(double value, double plotHeight) {
        return value >= 0 && value <= 1 ? value * plotHeight : 0;
    }

    private static void hatched(CanvasRenderingContext2D ctx, String colour, double x, double base, double width,
            double height) {
        if (height <= 0) {
            return;
        }
        double top = base - height;
        Hatch.fill(ctx, colour, x, top, width, height, HATCH_SPACING);
        ctx.setStrokeStyle(colour);
        ctx.setLineWidth(2);
        ctx.strokeRect(x + 1, top + 1, width - 2, Math.max(0, height - 1));
    }
}
