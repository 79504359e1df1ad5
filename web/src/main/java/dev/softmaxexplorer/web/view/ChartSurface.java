package dev.softmaxexplorer.web.view;

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
        double width = canvas.getClientWidth();
        double height = canvas.getClientHeight();
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
}
