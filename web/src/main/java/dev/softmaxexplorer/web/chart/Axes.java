package dev.softmaxexplorer.web.chart;

import org.teavm.jso.canvas.CanvasRenderingContext2D;

/** The shared 0..1 probability axis: light grid lines at 0, 0.25, 0.5, 0.75 and 1 with labels. */
final class Axes {
    private static final String[] TICKS = {"0", "0.25", "0.5", "0.75", "1"};

    private Axes() {
    }

    static void probabilityGrid(CanvasRenderingContext2D ctx, Theme theme, double left, double top, double width,
            double height) {
        // One path for the five lines and one style change each for lines and labels: the labels
        // lie left of the lines, so the pixels are those of drawing them in turn, for less work.
        ctx.setLineWidth(1);
        ctx.setStrokeStyle(theme.grid());
        ctx.beginPath();
        for (int i = 0; i < TICKS.length; i++) {
            double y = tickY(top, height, i);
            ctx.moveTo(left, y);
            ctx.lineTo(left + width, y);
        }
        ctx.stroke();
        ctx.setFont(theme.smallFont());
        ctx.setTextAlign("right");
        ctx.setTextBaseline("middle");
        ctx.setFillStyle(theme.muted());
        for (int i = 0; i < TICKS.length; i++) {
            ctx.fillText(TICKS[i], left - 6, tickY(top, height, i));
        }
    }

    /** Half-pixel offset puts a 1px line on one device-pixel row instead of blurring over two. */
    private static double tickY(double top, double height, int i) {
        return Math.floor(top + height - height * i / (TICKS.length - 1)) + 0.5;
    }
}
