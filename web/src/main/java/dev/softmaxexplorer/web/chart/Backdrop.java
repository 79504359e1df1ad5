package dev.softmaxexplorer.web.chart;

import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The part of a chart that does not move with T (grid, axes, curves, their labels), kept as a
 * bitmap of the canvas: a T drag redraws only the marker over a copy, where drawing the curves
 * and their text again cost a millisecond a frame. The copy is taken for a key naming everything
 * that part was drawn from, and used only for an equal key and a canvas of the same size (a new
 * width or pixel ratio redraws it). Not on paper: Chromium prints a canvas by replaying its
 * drawing as vector paths and text, and a copied bitmap would print as a raster image.
 */
public final class Backdrop {
    private HTMLCanvasElement copy;
    private Object key;

    /**
     * Puts the kept part back on the canvas, just cleared by {@link ChartSurface#of}, if it was
     * kept for this key at this size; else draws it and keeps it.
     */
    public void show(HTMLCanvasElement canvas, Object drawnFrom, Runnable draw) {
        if (!restore(canvas, drawnFrom)) {
            draw.run();
            keep(canvas, drawnFrom);
        }
    }

    private boolean restore(HTMLCanvasElement canvas, Object drawnFrom) {
        if (ChartSurface.printing() || copy == null || !drawnFrom.equals(key) || copy.getWidth() != canvas.getWidth()
                || copy.getHeight() != canvas.getHeight()) {
            return false;
        }
        copy(copy, (CanvasRenderingContext2D) canvas.getContext("2d"));
        return true;
    }

    private void keep(HTMLCanvasElement canvas, Object drawnFrom) {
        if (ChartSurface.printing()) {
            return;
        }
        if (copy == null) {
            copy = (HTMLCanvasElement) Window.current().getDocument().createElement("canvas");
        }
        if (copy.getWidth() != canvas.getWidth() || copy.getHeight() != canvas.getHeight()) {
            copy.setWidth(canvas.getWidth());
            copy.setHeight(canvas.getHeight());
        }
        CanvasRenderingContext2D into = (CanvasRenderingContext2D) copy.getContext("2d");
        into.clearRect(0, 0, copy.getWidth(), copy.getHeight());
        copy(canvas, into);
        key = drawnFrom;
    }

    /** The whole bitmap, pixel for pixel, whatever the context's transform. */
    @JSBody(params = {"from", "ctx"}, script = "ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0);"
            + " ctx.drawImage(from, 0, 0); ctx.restore();")
    private static native void copy(HTMLCanvasElement from, CanvasRenderingContext2D ctx);
}
