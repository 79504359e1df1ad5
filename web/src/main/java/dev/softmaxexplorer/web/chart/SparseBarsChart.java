package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Three distributions over the same classes (softmax, entmax-1.5, sparsemax), three bars a class
 * on a 0..1 axis: outlined, hatched and solid, each lettered under it, so they are told apart by
 * shape and letter as well as colour. An exact zero, which has no bar, gets a "0" on the axis.
 */
public final class SparseBarsChart {
    private static final double LEFT = 36;
    private static final double TOP = 22;
    private static final double BOTTOM = 54;
    private static final double HATCH_SPACING = 5;

    private SparseBarsChart() {
    }

    /**
     * @param series the three distributions, each of K values
     * @param letters a letter under each series' bars
     */
    public static void draw(ChartSurface surface, Theme theme, String[] names, double[][] series, String[] letters,
            int target, Messages words) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT;
        double plotHeight = surface.height - TOP - BOTTOM;
        double base = TOP + plotHeight;
        Axes.probabilityGrid(ctx, theme, LEFT, TOP, plotWidth, plotHeight);
        double slot = plotWidth / names.length;
        double barWidth = slot * 0.26;
        boolean valueLabels = barWidth >= 30;
        for (int i = 0; i < names.length; i++) {
            double centre = LEFT + slot * i + slot / 2;
            String colour = i == target ? theme.trueClass() : theme.otherClass();
            for (int s = 0; s < series.length; s++) {
                double left = centre - barWidth * 1.5 + barWidth * s;
                double value = clamp(series[s][i]);
                double height = value * plotHeight;
                bar(ctx, theme, s, colour, left + 1, base, barWidth - 2, height);
                ctx.setFont(theme.smallFont());
                ctx.setTextAlign("center");
                if (series[s][i] == 0.0) {
                    ctx.setTextBaseline("bottom");
                    ctx.setFillStyle(theme.foreground());
                    ctx.fillText("0", left + barWidth / 2, base - 1, barWidth);
                } else if (valueLabels) {
                    ctx.setTextBaseline("bottom");
                    ctx.setFillStyle(theme.foreground());
                    ctx.fillText(Format.significant(series[s][i], 2), left + barWidth / 2, base - height - 2,
                            barWidth + 6);
                }
                ctx.setTextBaseline("top");
                ctx.setFillStyle(theme.muted());
                ctx.fillText(letters[s], left + barWidth / 2, base + 3, barWidth);
            }
            ctx.setTextBaseline("top");
            ctx.setFillStyle(i == target ? theme.trueClass() : theme.foreground());
            ctx.fillText(Labels.fit(ctx, names[i], slot - 2), centre, base + 20, slot);
            if (i == target) {
                ctx.fillText(words.text("chart.true"), centre, base + 36, slot);
            }
        }
    }

    /** Series 0 outlined over a light fill, 1 hatched and outlined, 2 solid. */
    private static void bar(CanvasRenderingContext2D ctx, Theme theme, int style, String colour, double x,
            double base, double width, double height) {
        if (height <= 0) {
            return;
        }
        double top = base - height;
        if (style == 2) {
            ctx.setFillStyle(colour);
            ctx.fillRect(x, top, width, height);
            return;
        }
        if (style == 0) {
            ctx.setFillStyle(theme.grid());
            ctx.fillRect(x, top, width, height);
        } else {
            Hatch.fill(ctx, colour, x, top, width, height, HATCH_SPACING);
        }
        ctx.setStrokeStyle(colour);
        ctx.setLineWidth(2);
        ctx.strokeRect(x + 1, top + 1, Math.max(0, width - 2), Math.max(0, height - 2));
    }

    private static double clamp(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
