package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.LabelSmoothing;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.TargetChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The target y beside the prediction p, the smoothed loss and the least value it can take, H(y),
 * driven by the page's label-smoothing control. All numbers are core's exact float64 results.
 */
public final class LabelSmoothingPanel implements Panel {
    private final HTMLCanvasElement chart = Dom.byId("smoothing-chart", HTMLCanvasElement.class);
    private final HTMLElement loss = Dom.byId("smoothing-loss");
    private final HTMLElement minimum = Dom.byId("smoothing-minimum");
    private final HTMLElement why = Dom.byId("smoothing-why");

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        int k = state.classCount();
        double eps = state.get(Fields.LABEL_SMOOTHING);
        double[] y = LabelSmoothing.target(k, state.get(Fields.TARGET), eps);
        double least = LabelSmoothing.minimumCrossEntropy(k, eps);
        Dom.text(loss, Format.significant(frame.exact().crossEntropy(), 6));
        Dom.text(minimum, Format.significant(least, 6));
        String epsText = Format.shortest(eps);
        if (eps > 0) {
            Dom.text(why, frame.words().format("loss.smoothing-why", "epsilon", epsText,
                    "share", Format.significant(y[(state.get(Fields.TARGET) + 1) % k], 3),
                    "least", Format.significant(least, 3)));
        } else {
            Dom.text(why, frame.words().text("loss.smoothing-why.zero"));
        }
        ChartQueue.later(() -> TargetChart.draw(ChartSurface.of(chart), Theme.of(chart),
                state.get(Fields.NAMES).toArray(new String[0]), y, frame.exact().probabilities(),
                state.get(Fields.TARGET)));
    }
}
