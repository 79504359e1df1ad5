package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.Motion;
import dev.softmaxexplorer.web.chart.SmallMultiplesChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/** The same logits at four temperatures, from core's exact float64 softmax. */
public final class MultiplesPanel implements Panel {
    private static final double[] TEMPERATURES = {0.5, 1, 2, 5};

    private final HTMLCanvasElement chart = Dom.byId("multiples-chart", HTMLCanvasElement.class);
    private final Motion motion = new Motion(this::draw);
    private int target;
    private int currentTemperature;
    private Messages words;

    @Override
    public void render(Frame frame) {
        double[] z = frame.state().get(Fields.LOGITS);
        double t = frame.state().get(Fields.TEMPERATURE);
        double[][] multiples = new double[TEMPERATURES.length][];
        int current = -1;
        for (int i = 0; i < TEMPERATURES.length; i++) {
            multiples[i] = Softmax.softmax(z, TEMPERATURES[i]);
            if (TEMPERATURES[i] == t) {
                current = i;
            }
        }
        target = frame.state().get(Fields.TARGET);
        currentTemperature = current;
        words = frame.words();
        motion.show(multiples, frame.moves());
    }

    private void draw(double[][] multiples) {
        SmallMultiplesChart.draw(ChartSurface.of(chart), Theme.of(chart), TEMPERATURES, multiples, target,
                currentTemperature, words.text("chart.current-temperature"));
    }
}
