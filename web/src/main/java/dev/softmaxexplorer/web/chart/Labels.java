package dev.softmaxexplorer.web.chart;

import org.teavm.jso.canvas.CanvasRenderingContext2D;

/** Text that must fit a width: shortened with an ellipsis rather than overlapping its neighbour. */
final class Labels {
    private Labels() {
    }

    static String fit(CanvasRenderingContext2D ctx, String text, double width) {
        if (ctx.measureText(text).getWidth() <= width) {
            return text;
        }
        int length = text.length();
        while (length > 1 && ctx.measureText(text.substring(0, length - 1) + "\u2026").getWidth() > width) {
            length--;
        }
        return text.substring(0, Math.max(1, length - 1)) + "\u2026";
    }
}
