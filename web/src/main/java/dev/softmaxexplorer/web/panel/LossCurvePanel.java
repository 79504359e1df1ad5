package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.NegativeLogChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The -log p curve with the true class's point. The point uses core's exact float64 probability,
 * not the chosen machine's: the curve is a mathematical function, and a naive float16 NaN has no
 * place on it (the results above show what that machine computes).
 */
public final class LossCurvePanel implements Panel {
    private final HTMLCanvasElement chart = Dom.byId("nll-chart", HTMLCanvasElement.class);
    private final HTMLElement sentence = Dom.byId("nll-sentence");

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        int target = state.get(Fields.TARGET);
        String name = state.name(target);
        double p = frame.exact().probability(target);
        // -log p from core's log-softmax, not from p: when p underflows to 0 (logits 1e6 at T = 0.05)
        // the loss is still finite, 2e7, and only exp of it is out of a double's range.
        double logP = frame.exact().logProbability(target);
        double value = -logP;
        String key = (p > 0 ? "loss.nll-sentence" : "loss.nll-sentence.underflow")
                + (state.get(Fields.LABEL_SMOOTHING) > 0 ? ".smoothed" : "");
        Dom.text(sentence, frame.words().format(key, "className", name, "p", Format.significant(p, 3),
                "logP", Format.significant(logP, 3), "loss", Format.significant(value, 3),
                "smoothedLoss", Format.significant(frame.exact().crossEntropy(), 3)));
        ChartQueue.later(() -> NegativeLogChart.draw(ChartSurface.of(chart), Theme.of(chart), p, value, name,
                frame.words()));
    }
}
