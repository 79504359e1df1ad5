package dev.softmaxexplorer.web.chart;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * A canvas prepared for drawing in CSS pixels: its backing store follows the element's size times
 * the device pixel ratio, so lines and text are crisp at ratios 1, 2 and 3; for print, at
 * {@link #PRINT_RATIO}.
 */
public final class ChartSurface {
    /** Backing-store pixels per CSS pixel on paper: 288 dots per inch, sharp at a printer's 300. */
    public static final double PRINT_RATIO = 3;

    /** The ratio charts are drawn at while the page prints; 0 on screen. */
    private static double printRatio;
    /** Counts the page's changes of layout that no ResizeObserver has reported yet (print and back). */
    private static int layout;

    public final CanvasRenderingContext2D context;
    public final double width;
    public final double height;

    private ChartSurface(CanvasRenderingContext2D context, double width, double height) {
        this.context = context;
        this.width = width;
        this.height = height;
    }

    /**
     * Draws from now on for print ({@code true}, at {@link #PRINT_RATIO}) or for the screen, and
     * measures every canvas again: the page has just changed its layout and the next charts must
     * fit it before any ResizeObserver could say so.
     */
    public static void forPrint(boolean print) {
        printRatio = print ? PRINT_RATIO : 0;
        layout++;
    }

    /** Whether charts are being drawn for print. */
    public static boolean printing() {
        return printRatio > 0;
    }

    public static ChartSurface of(HTMLCanvasElement canvas) {
        double ratio = printRatio > 0 ? printRatio : Window.current().getDevicePixelRatio();
        CssSize size = cssSize(canvas, layout);
        double width = size.width();
        double height = size.height();
        int deviceWidth = (int) Math.ceil(width * ratio);
        int deviceHeight = (int) Math.ceil(height * ratio);
        // Assigning the size clears and reallocates the backing store: only do it when it changed.
        if (canvas.getWidth() != deviceWidth || canvas.getHeight() != deviceHeight) {
            canvas.setWidth(deviceWidth);
            canvas.setHeight(deviceHeight);
        }
        CanvasRenderingContext2D context = (CanvasRenderingContext2D) canvas.getContext("2d");
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        context.clearRect(0, 0, width, height);
        return new ChartSurface(context, width, height);
    }

    /** A canvas's CSS size in pixels, as its clientWidth and clientHeight give it. */
    interface CssSize extends JSObject {
        @JSProperty("w")
        double width();

        @JSProperty("h")
        double height();
    }

    /**
     * The canvas's CSS size, read from the layout once and then kept up to date by a
     * ResizeObserver: reading clientWidth after the frame's DOM writes would force a layout per
     * chart per frame. A change of size is announced as a window resize, on which the page
     * redraws every chart. A canvas last measured before the page's latest change of layout is
     * measured again.
     */
    @JSBody(params = {"canvas", "layout"}, script = ""
            + "var read = function () { return {w: canvas.clientWidth, h: canvas.clientHeight}; };"
            + "if (typeof ResizeObserver !== 'function') { return read(); }"
            + "if (canvas.softmaxExplorerSize && canvas.softmaxExplorerLayout !== layout) {"
            + " canvas.softmaxExplorerSize = read(); canvas.softmaxExplorerLayout = layout; }"
            + "if (!canvas.softmaxExplorerSize) {"
            + " canvas.softmaxExplorerSize = read(); canvas.softmaxExplorerLayout = layout;"
            + " new ResizeObserver(function () { var now = read(), was = canvas.softmaxExplorerSize;"
            + "  if (now.w !== was.w || now.h !== was.h) { canvas.softmaxExplorerSize = now;"
            + "   window.dispatchEvent(new Event('resize')); } }).observe(canvas); }"
            + "return canvas.softmaxExplorerSize;")
    private static native CssSize cssSize(HTMLCanvasElement canvas, int layout);
}
