package dev.softmaxexplorer.web.chart;

import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/** Text that must fit a width: shortened with an ellipsis rather than overlapping its neighbour. */
final class Labels {
    /** Beyond this many kept fits (a few charts' labels in a few fonts and widths), start again. */
    private static final int KEPT = 2048;
    /**
     * Fitted texts by font, width and text: a chart redrawn as T moves fits the same names again,
     * and a fit measures the text once for every character it drops (the page has no web fonts,
     * so a font's widths do not change while it runs).
     */
    private static final Map<String, String> FITTED = new HashMap<>();

    private Labels() {
    }

    static String fit(CanvasRenderingContext2D ctx, String text, double width) {
        String key = ctx.getFont() + "|" + width + "|" + text;
        String fitted = FITTED.get(key);
        if (fitted == null) {
            if (FITTED.size() >= KEPT) {
                FITTED.clear();
            }
            fitted = measured(ctx, text, width);
            FITTED.put(key, fitted);
        }
        return fitted;
    }

    private static String measured(CanvasRenderingContext2D ctx, String text, double width) {
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
