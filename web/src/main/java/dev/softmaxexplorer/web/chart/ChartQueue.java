package dev.softmaxexplorer.web.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The charts of a frame, drawn after the frame's changes to the page's text. In Chromium every
 * text operation on a canvas in the document (setting the font, fillText, measureText) first
 * brings the document's style up to date: a chart drawn after one view wrote its numbers and before
 * the next view writes its own recalculated the style of the whole page once per chart (measured:
 * five recalculations of about 0.3 ms each per T move with the sampler chain in view). Drawn after
 * all the writes, the first chart recalculates once and the others find the style up to date.
 */
public final class ChartQueue {
    private static final List<Runnable> QUEUED = new ArrayList<>();
    private static boolean collecting;

    private ChartQueue() {
    }

    /** Draws now, or, while a frame's views are being written ({@link #collect}), after them. */
    public static void later(Runnable drawing) {
        if (collecting) {
            QUEUED.add(drawing);
        } else {
            drawing.run();
        }
    }

    /** Runs the views' work of a frame, then draws the charts it asked for, in the order asked. */
    public static void collect(Runnable views) {
        if (collecting) {
            views.run();
            return;
        }
        collecting = true;
        boolean written = false;
        try {
            views.run();
            written = true;
        } finally {
            collecting = false;
            if (!written) {
                // A view threw: its charts, and those after it, would show a frame half made.
                QUEUED.clear();
            }
        }
        // Taken out before drawing: a drawing that throws leaves no chart queued for a later frame.
        Runnable[] drawings = QUEUED.toArray(new Runnable[0]);
        QUEUED.clear();
        for (Runnable drawing : drawings) {
            drawing.run();
        }
    }
}
