package dev.softmaxexplorer.web.chart;

import org.teavm.jso.canvas.CanvasRenderingContext2D;

/** Diagonal hatching inside a rectangle: how a chart tells an outlined-and-hatched bar from a solid one. */
final class Hatch {
    private Hatch() {
    }

    /** Fills the rectangle with thin diagonal lines {@code spacing} pixels apart, clipped to it. */
    static void fill(CanvasRenderingContext2D ctx, String colour, double x, double top, double width, double height,
            double spacing) {
        ctx.save();
        ctx.beginPath();
        ctx.rect(x, top, width, height);
        ctx.clip();
        ctx.setStrokeStyle(colour);
        ctx.setLineWidth(1);
        ctx.beginPath();
        for (double d = -width; d < height + width; d += spacing) {
            ctx.moveTo(x, top + d + width);
            ctx.lineTo(x + width, top + d);
        }
        ctx.stroke();
        ctx.restore();
    }
}
