package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Two distributions over the same classes as pairs of bars on a 0..1 axis: the first (the
 * teacher's q) an outlined, lightly filled bar, the second (the student's p) a solid bar, each
 * lettered under it, so the pair is told apart by shape and letter as well as colour.
 */
public final class PairedBarsChart {
    private static final double LEFT = 36;
    private static final double TOP = 22;
    private static final double BOTTOM = 54;

    private PairedBarsChart() {
    }

    public static void draw(ChartSurface surface, Theme theme, String[] names, double[] first, String firstLetter,
            double[] second, String secondLetter, int target, Messages words) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT;
        double plotHeight = surface.height - TOP - BOTTOM;
        double base = TOP + plotHeight;
        Axes.probabilityGrid(ctx, theme, LEFT, TOP, plotWidth, plotHeight);
        double slot = plotWidth / names.length;
        double barWidth = slot * 0.36;
        boolean valueLabels = barWidth >= 26;
        for (int i = 0; i < names.length; i++) {
            double centre = LEFT + slot * i + slot / 2;
            String colour = i == target ? theme.trueClass() : theme.otherClass();
            double firstTop = base - clamp(first[i]) * plotHeight;
            double left = centre - barWidth - 1;
            ctx.setFillStyle(theme.grid());
            ctx.fillRect(left, firstTop, barWidth, base - firstTop);
            ctx.setStrokeStyle(colour);
            ctx.setLineWidth(2);
            ctx.strokeRect(left + 1, firstTop + 1, barWidth - 2, Math.max(0, base - firstTop - 2));
            double secondTop = base - clamp(second[i]) * plotHeight;
            ctx.setFillStyle(colour);
            ctx.fillRect(centre + 1, secondTop, barWidth, base - secondTop);

            ctx.setFont(theme.smallFont());
            ctx.setTextAlign("center");
            ctx.setFillStyle(theme.foreground());
            if (valueLabels) {
                ctx.setTextBaseline("bottom");
                ctx.fillText(Format.significant(first[i], 2), left + barWidth / 2, firstTop - 2, barWidth + 4);
                ctx.fillText(Format.significant(second[i], 2), centre + 1 + barWidth / 2, secondTop - 2,
                        barWidth + 4);
            }
            ctx.setTextBaseline("top");
            ctx.setFillStyle(theme.muted());
            ctx.fillText(firstLetter, left + barWidth / 2, base + 3, barWidth);
            ctx.fillText(secondLetter, centre + 1 + barWidth / 2, base + 3, barWidth);
            ctx.setFillStyle(i == target ? theme.trueClass() : theme.foreground());
            ctx.fillText(Labels.fit(ctx, names[i], slot - 2), centre, base + 20, slot);
            if (i == target) {
                ctx.fillText(words.text("chart.true"), centre, base + 36, slot);
            }
        }
    }

    private static double clamp(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
