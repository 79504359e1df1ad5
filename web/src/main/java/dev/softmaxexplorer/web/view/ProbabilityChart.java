package dev.softmaxexplorer.web.view;

import dev.softmaxexplorer.core.Format;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/** Bars of the probabilities: the true class in green, the others in blue, the value on each. */
public final class ProbabilityChart {
    private static final double TOP = 24;
    private static final double BOTTOM = 28;
    private static final double GAP = 0.25;

    private ProbabilityChart() {
    }

    public static void draw(HTMLCanvasElement canvas, String[] names, double[] p, int target) {
        double ratio = Window.current().getDevicePixelRatio();
        double width = canvas.getClientWidth();
        double height = canvas.getClientHeight();
        // Backing store in device pixels so lines and text stay crisp on high-DPI screens.
        canvas.setWidth((int) Math.round(width * ratio));
        canvas.setHeight((int) Math.round(height * ratio));
        CanvasRenderingContext2D ctx = (CanvasRenderingContext2D) canvas.getContext("2d");
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        ctx.clearRect(0, 0, width, height);
        ctx.setFont("14px system-ui, sans-serif");
        ctx.setTextAlign("center");
        double slot = width / p.length;
        double plot = height - TOP - BOTTOM;
        for (int i = 0; i < p.length; i++) {
            double barHeight = Double.isNaN(p[i]) ? 0 : p[i] * plot;
            double x = slot * i + slot * GAP / 2;
            ctx.setFillStyle(cssColor(canvas, i == target ? "--bar-true" : "--bar-other"));
            ctx.fillRect(x, TOP + plot - barHeight, slot * (1 - GAP), barHeight);
            ctx.setFillStyle(cssColor(canvas, "--fg"));
            ctx.setTextBaseline("bottom");
            ctx.fillText(Format.significant(p[i], 3), x + slot * (1 - GAP) / 2, TOP + plot - barHeight - 4);
            ctx.setTextBaseline("top");
            ctx.fillText(names[i], x + slot * (1 - GAP) / 2, TOP + plot + 6);
        }
    }

    @JSBody(params = {"element", "name"},
            script = "return getComputedStyle(element).getPropertyValue(name).trim();")
    private static native String cssColor(HTMLCanvasElement element, String name);
}
