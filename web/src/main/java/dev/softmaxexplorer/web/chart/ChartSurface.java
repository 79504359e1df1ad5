package dev.softmaxexplorer.web.chart;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * A canvas prepared for drawing in CSS pixels: its backing store follows the element's size times
 * the device pixel ratio, so lines and text are crisp at ratios 1, 2 and 3.
 */
public final class ChartSurface {
    public final CanvasRenderingContext2D context;
    public final double width;
    public final double height;

    private ChartSurface(CanvasRenderingContext2D context, double width, double height) {
        this.context = context;
        this.width = width;
        this.height = height;
    }

    public static ChartSurface of(HTMLCanvasElement canvas) {
        double ratio = Window.current().getDevicePixelRatio();
        CssSize size = cssSize(canvas);
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
     * redraws every chart.
     */
    @JSBody(params = "canvas", script = ""
            + "var read = function () { return {w: canvas.clientWidth, h: canvas.clientHeight}; };"
            + "if (typeof ResizeObserver !== 'function') { return read(); }"
            + "if (!canvas.softmaxExplorerSize) {"
            + " canvas.softmaxExplorerSize = read();"
            + " new ResizeObserver(function () { var now = read(), was = canvas.softmaxExplorerSize;"
            + "  if (now.w !== was.w || now.h !== was.h) { canvas.softmaxExplorerSize = now;"
            + "   window.dispatchEvent(new Event('resize')); } }).observe(canvas); }"
            + "return canvas.softmaxExplorerSize;")
    private static native CssSize cssSize(HTMLCanvasElement canvas);
}
