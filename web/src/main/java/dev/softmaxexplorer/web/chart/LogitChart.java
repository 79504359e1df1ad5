package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.text.Numbers;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The logits as signed bars from a zero line, on the logit sliders' fixed axis from -{@link #RANGE}
 * to +{@link #RANGE} (fixed, so a dragged bar never rescales the axis under the pointer): the true
 * class green, the others blue, the value at each bar's end (as the class rows write it), the names below. A logit beyond the
 * axis is drawn to its end with an arrow head, its value still written.
 */
public final class LogitChart {
    /** The logit sliders' range. */
    public static final double RANGE = 10;
    private static final double LEFT = 36;
    private static final double TOP = 18;
    private static final double BOTTOM = 22;
    private static final double GAP = 0.28;
    private static final double[] TICKS = {-10, -5, 0, 5, 10};
    /** The narrowest slot a bar's value and name are written in. */
    private static final double MIN_LABELLED_SLOT = 28;

    private LogitChart() {
    }

    /**
     * @param z the logits, written at the bars' ends
     * @param lengths the bars' lengths now: z, or on the way to it (a {@link Motion})
     */
    public static void draw(ChartSurface surface, Theme theme, String[] names, double[] z, double[] lengths,
            int target) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT;
        double zero = zeroLine(surface.height);
        double half = halfHeight(surface.height);
        grid(ctx, theme, plotWidth, zero, half);
        double slot = plotWidth / z.length;
        double barWidth = slot * (1 - GAP);
        boolean labelled = slot >= MIN_LABELLED_SLOT;
        ctx.setFont(theme.smallFont());
        ctx.setTextAlign("center");
        for (int i = 0; i < z.length; i++) {
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double centre = x + barWidth / 2;
            double clamped = Math.max(-RANGE, Math.min(RANGE, lengths[i]));
            double end = zero - clamped / RANGE * half;
            ctx.setFillStyle(i == target ? theme.trueClass() : theme.otherClass());
            ctx.fillRect(x, Math.min(zero, end), barWidth, Math.max(1, Math.abs(end - zero)));
            if (clamped != lengths[i]) {
                beyond(ctx, x, barWidth, end, lengths[i] > 0 ? -1 : 1);
            }
            if (!labelled) {
                continue;
            }
            ctx.setFillStyle(theme.foreground());
            // The value on the far side of the bar's end, inside the plot where the bar is long.
            boolean up = lengths[i] >= 0;
            double room = up ? end - TOP : TOP + 2 * half - end;
            ctx.setTextBaseline(up == room >= 14 ? "bottom" : "top");
            double y = room >= 14 ? (up ? end - 2 : end + 2) : (up ? end + 2 : end - 2);
            ctx.fillText(Numbers.compact(z[i]), centre, y, slot);
            ctx.setFillStyle(i == target ? theme.trueClass() : theme.muted());
            ctx.setTextBaseline("top");
            ctx.fillText(Labels.fit(ctx, names[i], slot - 2), centre, TOP + 2 * half + 5, slot);
        }
    }

    /** The class whose column holds x on a chart {@code width} wide with k bars (the nearest at the edges). */
    public static int classAt(double x, double width, int k) {
        double slot = (width - LEFT) / k;
        return Math.max(0, Math.min(k - 1, (int) Math.floor((x - LEFT) / slot)));
    }

    /** The logit at height y on a chart {@code height} tall, within the axis. */
    public static double logitAt(double y, double height) {
        double z = (zeroLine(height) - y) / halfHeight(height) * RANGE;
        return Math.max(-RANGE, Math.min(RANGE, z));
    }

    private static double halfHeight(double height) {
        return (height - TOP - BOTTOM) / 2;
    }

    private static double zeroLine(double height) {
        return TOP + halfHeight(height);
    }

    private static void grid(CanvasRenderingContext2D ctx, Theme theme, double plotWidth, double zero, double half) {
        ctx.setLineWidth(1);
        ctx.setFont(theme.smallFont());
        ctx.setTextAlign("right");
        ctx.setTextBaseline("middle");
        for (double tick : TICKS) {
            double y = Math.floor(zero - tick / RANGE * half) + 0.5;
            ctx.setStrokeStyle(tick == 0 ? theme.muted() : theme.grid());
            ctx.beginPath();
            ctx.moveTo(LEFT, y);
            ctx.lineTo(LEFT + plotWidth, y);
            ctx.stroke();
            ctx.setFillStyle(theme.muted());
            ctx.fillText(Format.shortest(tick), LEFT - 6, y);
        }
    }

    /** An arrow head at a clipped bar's end, pointing off the axis (direction -1 up, 1 down). */
    private static void beyond(CanvasRenderingContext2D ctx, double x, double width, double end, double direction) {
        ctx.beginPath();
        ctx.moveTo(x, end);
        ctx.lineTo(x + width / 2, end + direction * 8);
        ctx.lineTo(x + width, end);
        ctx.closePath();
        ctx.fill();
    }
}
