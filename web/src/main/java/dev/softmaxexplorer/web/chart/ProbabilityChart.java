package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Probability bars on a 0..1 axis: the true class green with a tick, the others blue, the value on
 * each bar, a triangle over the predicted class. NaN and Infinity are written where the bar would be.
 * When the bars are too narrow for words (stress mode's hundreds of classes), only the true and
 * the predicted class keep their value and name; the step table has every number.
 */
public final class ProbabilityChart {
    private static final double LEFT = 36;
    private static final double TOP = 30;
    private static final double BOTTOM = 40;
    private static final double GAP = 0.28;
    /** The narrowest slot a bar's own value and name are written in. */
    private static final double MIN_LABELLED_SLOT = 28;
    /** How wide the true and predicted classes' words may be between narrow bars. */
    private static final double NARROW_LABEL_WIDTH = 80;

    private ProbabilityChart() {
    }

    /**
     * @param p the probabilities, written on the bars
     * @param heights the bars' heights now: p, or on the way to it (a {@link Motion})
     */
    public static void draw(ChartSurface surface, Theme theme, String[] names, double[] p, double[] heights,
            int target, int predicted, Messages words) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT;
        double plotHeight = surface.height - TOP - BOTTOM;
        Axes.probabilityGrid(ctx, theme, LEFT, TOP, plotWidth, plotHeight);
        double slot = plotWidth / p.length;
        double barWidth = slot * (1 - GAP);
        boolean narrow = slot < MIN_LABELLED_SLOT;
        // Between narrow bars two nearby names would print over each other: the true class keeps its name.
        boolean crowded = narrow && predicted != target && Math.abs(predicted - target) * slot < NARROW_LABEL_WIDTH;
        for (int i = 0; i < p.length; i++) {
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double centre = x + barWidth / 2;
            double base = TOP + plotHeight;
            boolean finite = !Double.isNaN(p[i]) && !Double.isInfinite(p[i]);
            double top = base - (finite ? Math.max(0, Math.min(1, heights[i])) * plotHeight : 0);
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
            boolean labelled = !narrow || i == target || i == predicted;
            double labelWidth = narrow ? NARROW_LABEL_WIDTH : slot;
            if (labelled) {
                ctx.setTextBaseline("bottom");
                ctx.fillText(Format.significant(p[i], 3), centre, top - 3, labelWidth);
            }
            if (i == predicted) {
                marker(ctx, theme, centre, top - 20);
            }
            if (!labelled || (crowded && i == predicted)) {
                continue;
            }
            ctx.setFillStyle(i == target ? theme.trueClass() : theme.foreground());
            ctx.setTextBaseline("top");
            ctx.fillText(Labels.fit(ctx, names[i], labelWidth - 2), centre, base + 5, labelWidth);
            if (i == target) {
                ctx.fillText(words.text("chart.true"), centre, base + 21, labelWidth);
            }
        }
    }

    /**
     * The class whose slot holds x on a chart {@code width} wide with k bars (the nearest at the
     * edges), so a bar is grabbed anywhere in its column, also above a short bar.
     */
    public static int classAt(double x, double width, int k) {
        double slot = (width - LEFT) / k;
        return Math.max(0, Math.min(k - 1, (int) Math.floor((x - LEFT) / slot)));
    }

    /** The probability at height y on a chart {@code height} tall: the bar top there; 0 to 1 at the axis ends. */
    public static double probabilityAt(double y, double height) {
        double plotHeight = height - TOP - BOTTOM;
        return Math.max(0, Math.min(1, (TOP + plotHeight - y) / plotHeight));
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
