package dev.softmaxexplorer.web.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/** Text that must fit a width: shortened with an ellipsis rather than overlapping its neighbour. */
final class Labels {
    /** How many fonts and widths keep their fits (a few charts' label slots), and how many texts each. */
    private static final int KEPT_WIDTHS = 16;
    private static final int KEPT_TEXTS = 1024;
    /**
     * The fits made, by font and width: a chart redrawn as T moves fits the same names into the
     * same slots again, and a fit measures the text once for every character it drops (the page
     * has no web fonts, so a font's widths do not change while it runs).
     */
    private static final List<Fits> KEPT = new ArrayList<>();

    private record Fits(String font, double width, Map<String, String> texts) {
    }

    private Labels() {
    }

    static String fit(CanvasRenderingContext2D ctx, String text, double width) {
        String font = ctx.getFont();
        Fits fits = null;
        for (Fits kept : KEPT) {
            if (kept.width == width && kept.font.equals(font)) {
                fits = kept;
                break;
            }
        }
        if (fits == null) {
            if (KEPT.size() >= KEPT_WIDTHS) {
                KEPT.remove(0);
            }
            fits = new Fits(font, width, new HashMap<>());
            KEPT.add(fits);
        }
        String fitted = fits.texts.get(text);
        if (fitted == null) {
            if (fits.texts.size() >= KEPT_TEXTS) {
                fits.texts.clear();
            }
            fitted = measured(ctx, text, width);
            fits.texts.put(text, fitted);
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
