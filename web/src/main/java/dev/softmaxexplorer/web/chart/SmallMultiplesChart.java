package dev.softmaxexplorer.web.chart;

import dev.softmaxexplorer.core.Format;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The same logits at a few fixed temperatures, side by side on one scale, so a learner sees the
 * distribution sharpen and flatten while the order of the classes stays. The panel whose
 * temperature equals the current one is outlined and says so.
 */
public final class SmallMultiplesChart {
    private static final double TITLE = 22;
    private static final double PAD = 8;

    private SmallMultiplesChart() {
    }

    /**
     * @param temperatures the panels' temperatures
     * @param probabilities {@code probabilities[panel][class]}
     * @param current the index of the panel at the current temperature, or -1
     * @param currentLabel the words after that panel's title, in the page's language
     */
    public static void draw(ChartSurface surface, Theme theme, double[] temperatures, double[][] probabilities,
            int target, int current, String currentLabel) {
        CanvasRenderingContext2D ctx = surface.context;
        double panelWidth = surface.width / temperatures.length;
        double plotHeight = surface.height - TITLE - 2 * PAD;
        for (int panel = 0; panel < temperatures.length; panel++) {
            double left = panel * panelWidth;
            ctx.setFont(theme.smallFont());
            ctx.setTextAlign("center");
            ctx.setTextBaseline("top");
            ctx.setFillStyle(panel == current ? theme.foreground() : theme.muted());
            String title = "T = " + Format.shortest(temperatures[panel]) + (panel == current ? " " + currentLabel : "");
            ctx.fillText(title, left + panelWidth / 2, 2, panelWidth - 4);
            if (panel == current) {
                ctx.setStrokeStyle(theme.foreground());
                ctx.setLineWidth(2);
                ctx.strokeRect(left + 2, TITLE - 2, panelWidth - 4, surface.height - TITLE + 1);
            }
            double[] p = probabilities[panel];
            double slot = (panelWidth - 2 * PAD) / p.length;
            double base = TITLE + PAD + plotHeight;
            ctx.setStrokeStyle(theme.grid());
            ctx.setLineWidth(1);
            ctx.beginPath();
            ctx.moveTo(left + PAD, Math.floor(base) + 0.5);
            ctx.lineTo(left + panelWidth - PAD, Math.floor(base) + 0.5);
            ctx.stroke();
            for (int i = 0; i < p.length; i++) {
                double height = Double.isNaN(p[i]) ? 0 : Math.min(1, p[i]) * plotHeight;
                ctx.setFillStyle(i == target ? theme.trueClass() : theme.otherClass());
                ctx.fillRect(left + PAD + slot * i + slot * 0.15, base - height, slot * 0.7, height);
            }
        }
    }
}
