package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.InverseSoftmax;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.LogitChart;
import dev.softmaxexplorer.web.chart.Motion;
import dev.softmaxexplorer.web.chart.ProbabilityChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Explanation;
import dev.softmaxexplorer.web.text.Messages;
import java.util.List;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The answer: loss, prediction, a spoken summary, why a computation broke, and the probability
 * bars. They show the chosen form and precision as that machine computes them (so a naive
 * overflow shows NaN); the prediction is core's exact float64 argmax.
 */
public final class BarsPanel implements Panel {
    private final HTMLElement loss = Dom.byId("loss");
    private final HTMLElement predicted = Dom.byId("predicted");
    private final HTMLElement summary = Dom.byId("summary");
    private final HTMLElement explanation = Dom.byId("overflow-explanation");
    private final HTMLCanvasElement chart = Dom.byId("probability-chart", HTMLCanvasElement.class);
    private final HTMLCanvasElement logitChart = Dom.byId("logit-chart", HTMLCanvasElement.class);
    /**
     * The words the live region holds: at start those the build wrote in, so that the first frame
     * neither rewrites nor announces a summary already on the page.
     */
    private String lastSummary = summary.getTextContent();
    private final Motion probabilities = Motion.ofRow(this::drawProbabilities);
    private final Motion logits = Motion.ofRow(this::drawLogits);
    /** What the charts label their moving values with: the frame last rendered. */
    private Frame labelled;

    /**
     * Both charts' bars can be dragged: a probability bar sets its class's logit to the one core
     * finds for the probability under the pointer (the other logits kept), a logit bar sets the
     * logit under the pointer; the sliders in the inputs do the same from the keyboard.
     */
    public BarsPanel(Editor editor) {
        BarDrag.attach(chart, editor, ProbabilityChart::classAt, (s, i, y, height) -> {
            double q = dragProbability(ProbabilityChart.probabilityAt(y, height));
            return s.with(Fields.LOGITS, i,
                    InverseSoftmax.logitFor(s.get(Fields.LOGITS), s.get(Fields.TEMPERATURE), i, q));
        });
        BarDrag.attach(logitChart, editor, LogitChart::classAt,
                (s, i, y, height) -> s.with(Fields.LOGITS, i, Format.parse(Format.fixed(LogitChart.logitAt(y, height), 2))));
    }

    /**
     * The pointer's probability in steps of 0.001, the precision the bars' labels show (so the
     * label reads exactly where the pointer is), kept from 0 and 1, which only infinite logits reach.
     */
    private static double dragProbability(double atPointer) {
        return Format.parse(Format.fixed(Math.max(0.001, Math.min(0.999, atPointer)), 3));
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        double[] p = frame.trace().probabilities();
        Headline headline = Headline.of(frame);
        Dom.text(loss, headline.loss());
        Dom.text(predicted, headline.predicted());
        Dom.hidden(explanation, headline.explanation().isEmpty());
        Dom.text(explanation, headline.explanation());
        // The live region only speaks when the words change, not on every repaint.
        if (!headline.summary().equals(lastSummary)) {
            lastSummary = headline.summary();
            summary.setTextContent(headline.summary());
        }
        labelled = frame;
        probabilities.show(p, frame.moves());
        logits.show(state.get(Fields.LOGITS), frame.moves());
    }

    private void drawProbabilities(double[] heights) {
        State state = labelled.state();
        ProbabilityChart.draw(ChartSurface.of(chart), Theme.of(chart), state.get(Fields.NAMES).toArray(new String[0]),
                labelled.trace().probabilities(), heights, state.get(Fields.TARGET), labelled.exact().predictedClass(),
                labelled.words());
    }

    private void drawLogits(double[] lengths) {
        State state = labelled.state();
        LogitChart.draw(ChartSurface.of(logitChart), Theme.of(logitChart), state.get(Fields.NAMES).toArray(new String[0]),
                state.get(Fields.LOGITS), lengths, state.get(Fields.TARGET));
    }
}
