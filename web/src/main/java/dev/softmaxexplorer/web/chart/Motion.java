package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.web.browser.Timing;
import java.util.Arrays;
import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;

/**
 * The values one chart shows, moving to new ones in {@value #DURATION_MS} ms when the state changed
 * by a step (an example, Reset, a gradient step, a lesson's start), so that the eye can follow
 * which bar went where. Everything else (a drag, a slider, typing) is drawn at once, so a pointer
 * never waits for a bar; with prefers-reduced-motion, so is every step.
 *
 * <p>Only the picture moves: the numbers on the page are the new state's from the first frame. The
 * values in between are drawn, never reported. While any chart moves the page's root element
 * carries {@code data-moving}, so that a test that reads pixels waits for the values it expects.
 */
public final class Motion {
    static final double DURATION_MS = 200;
    private static int moving;

    private final Consumer<double[][]> draw;
    private double[][] shown;
    private double[][] from;
    private double[][] to;
    private double started;
    private boolean running;

    /** @param draw draws the chart with the given values (rows of one length each, as given to {@link #show}) */
    public Motion(Consumer<double[][]> draw) {
        this.draw = draw;
    }

    /** {@link #show(double[][], boolean)} for a chart of one row of values. */
    public static Motion ofRow(Consumer<double[]> draw) {
        return new Motion(rows -> draw.accept(rows[0]));
    }

    /** Shows one row of values; see {@link #show(double[][], boolean)}. */
    public void show(double[] values, boolean moves) {
        show(new double[][] {values}, moves);
    }

    /**
     * Draws these values now, or, when {@code moves}, starts moving there from what is on screen.
     * A chart whose shape changed (another K), or that shows Infinity or NaN, jumps: there is no
     * way between a bar and no bar.
     */
    public void show(double[][] values, boolean moves) {
        if (running && sameValues(values, to)) {
            // The same target drawn again (a resize, a catch-up): the motion goes on from where it is.
            drawLater(shown);
            return;
        }
        boolean canMove = moves && shown != null && !reducedMotion() && sameShape(shown, values)
                && finite(shown) && finite(values) && !sameValues(shown, values);
        if (!canMove) {
            stop();
            shown = values;
            drawLater(values);
            return;
        }
        from = shown;
        to = values;
        started = Timing.now();
        drawLater(shown);
        if (!running) {
            running = true;
            if (moving++ == 0) {
                markMoving(true);
            }
            Window.requestAnimationFrame(timestamp -> tick());
        }
    }

    /** Draws these values after the frame's text ({@link ChartQueue}). */
    private void drawLater(double[][] values) {
        ChartQueue.later(() -> draw.accept(values));
    }

    private void tick() {
        if (!running) {
            return;
        }
        double elapsed = Math.min(1, (Timing.now() - started) / DURATION_MS);
        if (elapsed >= 1) {
            shown = to;
            stop();
        } else {
            // Ease out (cubic): fast away from the old values, gently into the new ones.
            double remaining = 1 - elapsed;
            double eased = 1 - remaining * remaining * remaining;
            shown = between(from, to, eased);
            Window.requestAnimationFrame(timestamp -> tick());
        }
        draw.accept(shown);
    }

    private void stop() {
        if (running) {
            running = false;
            if (--moving == 0) {
                markMoving(false);
            }
        }
    }

    private static double[][] between(double[][] a, double[][] b, double fraction) {
        double[][] values = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            values[r] = new double[a[r].length];
            for (int i = 0; i < a[r].length; i++) {
                values[r][i] = a[r][i] + (b[r][i] - a[r][i]) * fraction;
            }
        }
        return values;
    }

    private static boolean sameShape(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != b[r].length) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValues(double[][] a, double[][] b) {
        return b != null && Arrays.deepEquals(a, b);
    }

    private static boolean finite(double[][] values) {
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the person asked their system for less motion: then nothing on the page animates. */
    @JSBody(script = "return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);")
    public static native boolean reducedMotion();

    @JSBody(params = "on", script = "if (on) { document.documentElement.setAttribute('data-moving', ''); }"
            + " else { document.documentElement.removeAttribute('data-moving'); }")
    private static native void markMoving(boolean on);
}
