package dev.softmaxexplorer.web.chart;

import org.teavm.jso.canvas.CanvasRenderingContext2D;

/** The shared 0..1 probability axis: light grid lines at 0, 0.25, 0.5, 0.75 and 1 with labels. */
final class Axes {
    private static final String[] TICKS = {"0", "0.25", "0.5", "0.75", "1"};

    private Axes() {
    }

    static void probabilityGrid(CanvasRenderingContext2D ctx, Theme theme, double left, double top, double width,
            double height) {
        ctx.setLineWidth(1);
        ctx.setFont(theme.smallFont());
        ctx.setTextAlign("right");
        ctx.setTextBaseline("middle");
        for (int i = 0; i < TICKS.length; i++) {
            // Half-pixel offset puts a 1px line on one device-pixel row instead of blurring over two.
            double y = Math.floor(top + height - height * i / (TICKS.length - 1)) + 0.5;
            ctx.setStrokeStyle(theme.grid());
            ctx.beginPath();
            ctx.moveTo(left, y);
            ctx.lineTo(left + width, y);
            ctx.stroke();
            ctx.setFillStyle(theme.muted());
            ctx.fillText(TICKS[i], left - 6, y);
        }
    }
}
