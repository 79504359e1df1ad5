package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.state.TemperatureScale;
import dev.softmaxexplorer.web.text.Messages;
import java.util.Arrays;
import org.teavm.jso.JSBody;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Each class's probability against the temperature on a log axis from {@link TemperatureScale#MIN}
 * to {@link TemperatureScale#MAX}, the true class green and the others in blue shades with
 * distinct dash patterns, every line named at its right end (labels spread apart and joined to
 * their line, so colour is never the only cue), and the current T marked by a vertical line.
 * {@link #drawEntropy} draws the entropy on the same x axis below it.
 */
public final class SweepChart {
    private static final double LEFT = 36;
    private static final double TOP = 24;
    private static final double BOTTOM = 26;
    private static final double LABEL_GAP = 15;
    private static final double[] TICKS = {0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20};
    /** Dash patterns (on, off) cycled over the non-true classes; 0 is a solid line. */
    private static final double[][] DASHES = {{0, 0}, {7, 4}, {2, 3}, {10, 3}, {4, 4}};

    private SweepChart() {
    }

    /**
     * The chart without its T marker ({@link #markProbabilities}): what stays while T moves.
     *
     * @param probabilities {@code probabilities[j][i]}: class i at the j-th of equally log-spaced
     *     temperatures from MIN to MAX
     */
    public static void drawProbabilities(ChartSurface surface, Theme theme, double[][] probabilities, String[] names,
            int target) {
        CanvasRenderingContext2D ctx = surface.context;
        double gutter = gutter(surface.width);
        double plotWidth = surface.width - LEFT - gutter;
        double plotHeight = surface.height - TOP - BOTTOM;
        Axes.probabilityGrid(ctx, theme, LEFT, TOP, plotWidth, plotHeight);
        temperatureAxis(ctx, theme, plotWidth, TOP + plotHeight);
        int points = probabilities.length;
        int classes = names.length;
        double[] ends = new double[classes];
        // The true class last, so its green line is never hidden under a blue one.
        for (int order = 0; order < classes; order++) {
            int i = order == classes - 1 ? target : (order >= target ? order + 1 : order);
            boolean isTrue = i == target;
            int rank = i < target ? i : i - 1;
            ctx.setStrokeStyle(isTrue ? theme.trueClass() : theme.otherClass());
            ctx.setGlobalAlpha(isTrue ? 1 : shade(rank, classes - 1));
            ctx.setLineWidth(isTrue ? 3 : 2);
            double[] dash = isTrue ? DASHES[0] : DASHES[rank % DASHES.length];
            lineDash(ctx, dash[0], dash[1]);
            ctx.beginPath();
            for (int j = 0; j < points; j++) {
                double x = LEFT + plotWidth * j / (points - 1);
                double y = TOP + plotHeight - clamp(probabilities[j][i]) * plotHeight;
                if (j == 0) {
                    ctx.moveTo(x, y);
                } else {
                    ctx.lineTo(x, y);
                }
            }
            ctx.stroke();
            ends[i] = TOP + plotHeight - clamp(probabilities[points - 1][i]) * plotHeight;
        }
        lineDash(ctx, 0, 0);
        ctx.setGlobalAlpha(1);
        endLabels(ctx, theme, names, target, ends, LEFT + plotWidth, gutter, plotHeight);
    }

    /**
     * The current T's marker over {@link #drawProbabilities}; outside the axis it is shown at the
     * nearer end with an arrow.
     */
    public static void markProbabilities(ChartSurface surface, Theme theme, double temperature) {
        double plotWidth = surface.width - LEFT - gutter(surface.width);
        double plotHeight = surface.height - TOP - BOTTOM;
        marker(surface.context, theme, temperature, plotWidth, TOP, TOP + plotHeight,
                "T = " + Format.shortest(temperature));
    }

    /**
     * The entropy H(T) on the same x axis as {@link #drawProbabilities}, from 0 to log K (dashed
     * line at the top), without the current T's point ({@link #markEntropy}).
     *
     * @param entropies H at the same temperatures as the probability lines
     * @param maxEntropy log K
     */
    public static void drawEntropy(ChartSurface surface, Theme theme, double[] entropies, double maxEntropy,
            Messages words) {
        CanvasRenderingContext2D ctx = surface.context;
        double gutter = gutter(surface.width);
        double plotWidth = surface.width - LEFT - gutter;
        double plotHeight = surface.height - TOP - BOTTOM;
        double base = TOP + plotHeight;
        ctx.setFont(theme.smallFont());
        ctx.setLineWidth(1);
        ctx.setStrokeStyle(theme.grid());
        for (double y : new double[] {Math.floor(base) + 0.5, Math.floor(TOP) + 0.5}) {
            ctx.beginPath();
            ctx.moveTo(LEFT, y);
            ctx.lineTo(LEFT + plotWidth, y);
            ctx.stroke();
        }
        ctx.setFillStyle(theme.muted());
        ctx.setTextAlign("right");
        ctx.setTextBaseline("middle");
        ctx.fillText("0", LEFT - 6, base);
        ctx.setTextAlign("left");
        ctx.fillText("log K = " + Format.significant(maxEntropy, 4), LEFT + plotWidth + 6, TOP, gutter - 8);
        ctx.fillText(words.text("sweep.chart.entropy-axis"), LEFT + plotWidth + 6, TOP + plotHeight / 2, gutter - 8);
        temperatureAxis(ctx, theme, plotWidth, base);
        double scale = maxEntropy > 0 ? plotHeight / maxEntropy : 0;
        ctx.setStrokeStyle(theme.foreground());
        ctx.setLineWidth(2);
        ctx.beginPath();
        for (int j = 0; j < entropies.length; j++) {
            double x = LEFT + plotWidth * j / (entropies.length - 1);
            double y = base - Math.max(0, Math.min(plotHeight, entropies[j] * scale));
            if (j == 0) {
                ctx.moveTo(x, y);
            } else {
                ctx.lineTo(x, y);
            }
        }
        ctx.stroke();
    }

    /**
     * The current T's marker and point over {@link #drawEntropy}.
     *
     * @param current H at the current T
     */
    public static void markEntropy(ChartSurface surface, Theme theme, double maxEntropy, double temperature,
            double current) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT - gutter(surface.width);
        double plotHeight = surface.height - TOP - BOTTOM;
        double base = TOP + plotHeight;
        double scale = maxEntropy > 0 ? plotHeight / maxEntropy : 0;
        double x = markerX(temperature, plotWidth);
        marker(ctx, theme, temperature, plotWidth, TOP, base, "H = " + Format.significant(current, 3));
        ctx.setFillStyle(theme.predicted());
        ctx.beginPath();
        ctx.arc(x, base - Math.max(0, Math.min(plotHeight, current * scale)), 4.5, 0, 2 * Math.PI);
        ctx.fill();
    }

    /**
     * The temperature under x on either chart {@code width} wide: the temperature slider's value
     * at the nearest of its positions, so a drag and the slider give the same temperatures.
     */
    public static double temperatureAt(double x, double width) {
        double plotWidth = width - LEFT - gutter(width);
        double position = (x - LEFT) * TemperatureScale.STEPS / plotWidth;
        return TemperatureScale.temperature((int) Math.floor(Math.max(0, Math.min(TemperatureScale.STEPS, position)) + 0.5));
    }

    /** The right-hand space for the class names: wide enough for a name, at most a third of a phone screen. */
    private static double gutter(double width) {
        return Math.min(110, Math.max(64, width * 0.2));
    }

    /** Opacity of the rank-th of n blue lines: from 1 down to 0.45, so neighbours differ visibly. */
    private static double shade(int rank, int n) {
        return n <= 1 ? 1 : 1 - 0.55 * rank / (n - 1);
    }

    private static double clamp(double p) {
        return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
    }

    private static double markerX(double temperature, double plotWidth) {
        return LEFT + plotWidth * TemperatureScale.position(temperature) / TemperatureScale.STEPS;
    }

    private static void temperatureAxis(CanvasRenderingContext2D ctx, Theme theme, double plotWidth, double base) {
        ctx.setFont(theme.smallFont());
        ctx.setFillStyle(theme.muted());
        ctx.setStrokeStyle(theme.grid());
        ctx.setLineWidth(1);
        ctx.setTextBaseline("top");
        ctx.setTextAlign("center");
        // Fewer tick labels on a narrow chart so they never run into each other.
        int step = plotWidth < 260 ? 2 : 1;
        for (int k = 0; k < TICKS.length; k++) {
            double x = Math.floor(markerX(TICKS[k], plotWidth)) + 0.5;
            ctx.beginPath();
            ctx.moveTo(x, base);
            ctx.lineTo(x, base + 4);
            ctx.stroke();
            if (k % step == 0) {
                ctx.fillText(Format.shortest(TICKS[k]), x, base + 6);
            }
        }
    }

    private static void marker(CanvasRenderingContext2D ctx, Theme theme, double temperature, double plotWidth,
            double top, double bottom, String text) {
        double x = Math.floor(markerX(temperature, plotWidth)) + 0.5;
        ctx.setStrokeStyle(theme.predicted());
        ctx.setLineWidth(2);
        lineDash(ctx, 5, 3);
        ctx.beginPath();
        ctx.moveTo(x, top - 4);
        ctx.lineTo(x, bottom);
        ctx.stroke();
        lineDash(ctx, 0, 0);
        String arrow = temperature < TemperatureScale.MIN ? "\u2190 " : "";
        String after = temperature > TemperatureScale.MAX ? " \u2192" : "";
        ctx.setFont(theme.smallFont());
        ctx.setFillStyle(theme.foreground());
        ctx.setTextBaseline("bottom");
        boolean rightHalf = x > LEFT + plotWidth / 2;
        ctx.setTextAlign(rightHalf ? "right" : "left");
        ctx.fillText(arrow + text + after, rightHalf ? x - 4 : x + 4, top - 4);
    }

    /**
     * Names at the right end of the lines, in the order of their end points, pushed apart to at
     * least LABEL_GAP and joined to their line by a short leader. When there are more classes than
     * rows (K up to 1000 in stress mode), the true class and the first classes that fit are named.
     */
    private static void endLabels(CanvasRenderingContext2D ctx, Theme theme, String[] names, int target,
            double[] ends, double right, double gutter, double plotHeight) {
        int capacity = Math.max(1, (int) Math.floor(plotHeight / LABEL_GAP) + 1);
        int shown = Math.min(names.length, capacity);
        Integer[] order = new Integer[shown];
        order[0] = target;
        for (int i = 0, n = 1; n < shown; i++) {
            if (i != target) {
                order[n++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(ends[a], ends[b]));
        double[] y = new double[shown];
        double top = TOP;
        double bottom = TOP + plotHeight;
        for (int r = 0; r < shown; r++) {
            y[r] = Math.max(ends[order[r]], r == 0 ? top : y[r - 1] + LABEL_GAP);
        }
        for (int r = shown - 1; r >= 0; r--) {
            y[r] = Math.min(y[r], r == shown - 1 ? bottom : y[r + 1] - LABEL_GAP);
        }
        ctx.setFont(theme.smallFont());
        ctx.setTextAlign("left");
        ctx.setTextBaseline("middle");
        ctx.setLineWidth(1);
        for (int r = 0; r < shown; r++) {
            int i = order[r];
            boolean isTrue = i == target;
            ctx.setStrokeStyle(theme.muted());
            ctx.beginPath();
            ctx.moveTo(right + 1, ends[i]);
            ctx.lineTo(right + 8, y[r]);
            ctx.stroke();
            ctx.setFillStyle(isTrue ? theme.trueClass() : theme.foreground());
            ctx.fillText(Labels.fit(ctx, names[i] + (isTrue ? " \u2713" : ""), gutter - 12), right + 10, y[r]);
        }
    }

    @JSBody(params = {"ctx", "on", "off"}, script = "ctx.setLineDash(on > 0 ? [on, off] : []);")
    static native void lineDash(CanvasRenderingContext2D ctx, double on, double off);
}
