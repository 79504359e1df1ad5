package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.CalibrationResult;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The reliability diagram (Guo et al., 2017): confidence on x, accuracy on y, both 0..1. Per
 * non-empty bin a filled bar for its accuracy, an outlined box for its mean confidence and its
 * number of examples above both; a dashed diagonal where accuracy equals confidence.
 */
public final class ReliabilityChart {
    private static final double LEFT = 40;
    private static final double RIGHT = 8;
    private static final double TOP = 22;
    private static final double BOTTOM = 40;
    private static final String[] TICKS = {"0", "0.25", "0.5", "0.75", "1"};

    private ReliabilityChart() {
    }

    public static void draw(ChartSurface surface, Theme theme, CalibrationResult result, Messages words) {
        CanvasRenderingContext2D ctx = surface.context;
        double plotWidth = surface.width - LEFT - RIGHT;
        double plotHeight = surface.height - TOP - BOTTOM;
        double base = TOP + plotHeight;
        Axes.probabilityGrid(ctx, theme, LEFT, TOP, plotWidth, plotHeight);
        ctx.setFont(theme.smallFont());
        ctx.setFillStyle(theme.muted());
        ctx.setTextAlign("center");
        ctx.setTextBaseline("top");
        for (int i = 0; i < TICKS.length; i++) {
            ctx.fillText(TICKS[i], LEFT + plotWidth * i / (TICKS.length - 1), base + 4);
        }
        ctx.fillText(words.text("calibration.chart.confidence"), LEFT + plotWidth / 2, base + 21);
        ctx.setTextAlign("left");
        ctx.setTextBaseline("bottom");
        ctx.fillText(words.text("calibration.chart.accuracy"), 4, TOP - 6);

        int bins = result.bins();
        double slot = plotWidth / bins;
        for (int m = 0; m < bins; m++) {
            if (result.count(m) == 0) {
                continue;
            }
            double left = LEFT + slot * m;
            double barTop = base - result.accuracy(m) * plotHeight;
            double boxTop = base - result.confidence(m) * plotHeight;
            ctx.setFillStyle(theme.otherClass());
            ctx.fillRect(left + 1, barTop, slot - 2, base - barTop);
            ctx.setStrokeStyle(theme.bad());
            ctx.setLineWidth(1.5);
            ctx.strokeRect(left + 1, boxTop, slot - 2, base - boxTop);
            ctx.setFillStyle(theme.foreground());
            ctx.setTextAlign("center");
            ctx.setTextBaseline("bottom");
            ctx.fillText(Integer.toString(result.count(m)), left + slot / 2, Math.min(barTop, boxTop) - 2, slot);
        }

        ctx.setStrokeStyle(theme.foreground());
        ctx.setLineWidth(1);
        SweepChart.lineDash(ctx, 5, 4);
        ctx.beginPath();
        ctx.moveTo(LEFT, base);
        ctx.lineTo(LEFT + plotWidth, TOP);
        ctx.stroke();
        SweepChart.lineDash(ctx, 0, 0);
    }
}
