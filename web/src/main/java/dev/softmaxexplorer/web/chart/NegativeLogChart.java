package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.NegativeLogCurve;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.JSBody;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The curve -log p for p in (0, 1], clipped at {@link #TOP_VALUE}, with the classic table's points
 * labelled and the true class's current point on it. A point above the top (or at p = 0, where
 * -log p is Infinity) is drawn as an arrow at the top edge with its value written beside it.
 */
public final class NegativeLogChart {
    /** The highest -log p drawn: just above the table's last point, 4.61 at p = 0.01. */
    private static final double TOP_VALUE = 5;
    private static final double LEFT = 40;
    private static final double RIGHT = 14;
    private static final double TOP = 26;
    private static final double BOTTOM = 40;
    private static final int CURVE_POINTS = 160;
    private static final String[] P_TICKS = {"0", "0.25", "0.5", "0.75", "1"};

    /** The curve is the same for every state: sampled once, densely near p = 0 where it is steep. */
    private static final double[] CURVE_P = new double[CURVE_POINTS + 1];
    private static final double[] CURVE_VALUE = new double[CURVE_POINTS + 1];
    private static final double[] REFERENCE_P = NegativeLogCurve.referenceProbabilities();
    private static final double[] REFERENCE_VALUE = NegativeLogCurve.referenceValues();

    static {
        for (int i = 0; i <= CURVE_POINTS; i++) {
            double fraction = (double) i / CURVE_POINTS;
            CURVE_P[i] = fraction * fraction;
            CURVE_VALUE[i] = NegativeLogCurve.negativeLog(CURVE_P[i]);
        }
    }

    private NegativeLogChart() {
    }

    /**
     * @param p the true class's probability, in [0, 1]
     * @param value -log p as core computed it (Infinity at p = 0)
     * @param name the true class's name, written beside the point
     */
    public static void draw(ChartSurface surface, Theme theme, double p, double value, String name,
            Messages words) {
        CanvasRenderingContext2D ctx = surface.context;
        double width = surface.width - LEFT - RIGHT;
        double height = surface.height - TOP - BOTTOM;
        if (width <= 0 || height <= 0) {
            return;
        }
        grid(ctx, theme, width, height, words);

        ctx.save();
        ctx.beginPath();
        ctx.rect(LEFT, TOP, width, height);
        ctx.clip();
        ctx.setStrokeStyle(theme.foreground());
        ctx.setLineWidth(2);
        ctx.beginPath();
        boolean started = false;
        for (int i = 0; i < CURVE_P.length; i++) {
            // Infinity at p = 0 is off the chart; the next point starts the visible curve.
            if (CURVE_VALUE[i] > 2 * TOP_VALUE) {
                continue;
            }
            double x = xOf(CURVE_P[i], width);
            double y = yOf(CURVE_VALUE[i], height);
            if (started) {
                ctx.lineTo(x, y);
            } else {
                ctx.moveTo(x, y);
                started = true;
            }
        }
        ctx.stroke();
        ctx.restore();

        references(ctx, theme, width, height);
        current(ctx, theme, p, value, name, width, height, words);
    }

    private static void grid(CanvasRenderingContext2D ctx, Theme theme, double width, double height,
            Messages words) {
        ctx.setLineWidth(1);
        ctx.setFont(theme.smallFont());
        ctx.setTextAlign("right");
        ctx.setTextBaseline("middle");
        for (int v = 0; v <= (int) TOP_VALUE; v++) {
            double y = Math.floor(yOf(v, height)) + 0.5;
            ctx.setStrokeStyle(theme.grid());
            line(ctx, LEFT, y, LEFT + width, y);
            ctx.setFillStyle(theme.muted());
            ctx.fillText(Integer.toString(v), LEFT - 6, y);
        }
        ctx.setTextAlign("center");
        ctx.setTextBaseline("top");
        for (int i = 0; i < P_TICKS.length; i++) {
            double x = Math.floor(LEFT + width * i / (P_TICKS.length - 1)) + 0.5;
            ctx.setStrokeStyle(theme.grid());
            line(ctx, x, TOP, x, TOP + height);
            ctx.setFillStyle(theme.muted());
            ctx.fillText(P_TICKS[i], x, TOP + height + 4);
        }
        ctx.setFillStyle(theme.foreground());
        ctx.fillText(words.text("loss.chart.p-axis"), LEFT + width / 2, TOP + height + 20);
        ctx.setTextAlign("left");
        ctx.setTextBaseline("bottom");
        ctx.fillText("\u2212log p", 4, TOP - 8);
    }

    private static void references(CanvasRenderingContext2D ctx, Theme theme, double width, double height) {
        ctx.setFont(theme.smallFont());
        for (int i = 0; i < REFERENCE_P.length; i++) {
            double x = xOf(REFERENCE_P[i], width);
            double y = yOf(REFERENCE_VALUE[i], height);
            ctx.setStrokeStyle(theme.foreground());
            ctx.setFillStyle(theme.foreground());
            ctx.setLineWidth(1.5);
            ctx.beginPath();
            ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
            ctx.stroke();
            ctx.setFillStyle(theme.muted());
            String label = Format.fixed(REFERENCE_VALUE[i], 2);
            // The two points near p = 1 sit close together on the floor: label them above, one
            // leaning left, so their labels do not collide; the others to the right of the curve.
            if (REFERENCE_P[i] > 0.95) {
                ctx.setTextAlign("right");
                ctx.setTextBaseline("bottom");
                ctx.fillText(label, x, y - 16);
            } else if (REFERENCE_P[i] > 0.5) {
                ctx.setTextAlign("center");
                ctx.setTextBaseline("bottom");
                ctx.fillText(label, x, y - 6);
            } else {
                ctx.setTextAlign("left");
                ctx.setTextBaseline("middle");
                ctx.fillText(label, x + 8, y);
            }
        }
    }

    private static void current(CanvasRenderingContext2D ctx, Theme theme, double p, double value, String name,
            double width, double height, Messages words) {
        boolean inRange = p >= 0 && p <= 1;
        double x = xOf(inRange ? p : 0, width);
        String text = name + ": \u2212log p = " + Format.significant(value, 3);
        ctx.setFont(theme.font());
        ctx.setFillStyle(theme.trueClass());
        ctx.setStrokeStyle(theme.trueClass());
        boolean onChart = value <= TOP_VALUE;
        double y = onChart ? yOf(value, height) : TOP;
        if (onChart) {
            ctx.setLineWidth(1);
            dash(ctx, 4, 3);
            line(ctx, x, y, x, TOP + height);
            dash(ctx, 0, 0);
            ctx.beginPath();
            ctx.arc(x, y, 6.5, 0, 2 * Math.PI);
            ctx.fill();
        } else {
            arrow(ctx, x, TOP + 18, TOP);
        }
        // The top right of the plot is always empty (the curve is below 1 for p > 0.37), so the
        // label goes there, in the point's colour, instead of crossing the curve near the point.
        double labelX = LEFT + width - 4;
        double labelY = TOP + 18;
        ctx.setTextAlign("right");
        ctx.setTextBaseline("bottom");
        ctx.fillText(Labels.fit(ctx, text, width * 0.6), labelX, labelY);
        if (!onChart) {
            ctx.setFont(theme.smallFont());
            ctx.fillText(words.text("loss.chart.above"), labelX, labelY + 16);
        }
    }

    private static void arrow(CanvasRenderingContext2D ctx, double x, double from, double tip) {
        ctx.setLineWidth(2);
        line(ctx, x, from, x, tip + 4);
        ctx.beginPath();
        ctx.moveTo(x - 6, tip + 8);
        ctx.lineTo(x + 6, tip + 8);
        ctx.lineTo(x, tip);
        ctx.closePath();
        ctx.fill();
    }

    private static double xOf(double p, double width) {
        return LEFT + p * width;
    }

    private static double yOf(double value, double height) {
        return TOP + height - Math.min(value, 2 * TOP_VALUE) / TOP_VALUE * height;
    }

    private static void line(CanvasRenderingContext2D ctx, double x0, double y0, double x1, double y1) {
        ctx.beginPath();
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
        ctx.stroke();
    }

    /** Dashed strokes; (0, 0) turns dashing off. */
    @JSBody(params = {"ctx", "on", "off"}, script = "ctx.setLineDash(on > 0 ? [on, off] : []);")
    private static native void dash(CanvasRenderingContext2D ctx, double on, double off);
}
