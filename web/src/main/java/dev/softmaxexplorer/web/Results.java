package dev.softmaxexplorer.web;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Explanation;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.view.ChartSurface;
import dev.softmaxexplorer.web.view.ProbabilityChart;
import dev.softmaxexplorer.web.view.SmallMultiplesChart;
import dev.softmaxexplorer.web.view.StepTable;
import dev.softmaxexplorer.web.view.Theme;
import java.util.List;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Everything right of the inputs. The bars, the table and the loss show the chosen form and
 * precision as that machine computes them (so a naive overflow shows NaN); the small multiples and
 * the exported numbers are core's exact float64 results.
 */
final class Results implements Panel {
    static final double[] MULTIPLE_TEMPERATURES = {0.5, 1, 2, 5};

    private final HTMLElement loss = Dom.byId("loss");
    private final HTMLElement predicted = Dom.byId("predicted");
    private final HTMLElement summary = Dom.byId("summary");
    private final HTMLElement explanation = Dom.byId("overflow-explanation");
    private final HTMLCanvasElement probabilityChart = Dom.byId("probability-chart", HTMLCanvasElement.class);
    private final HTMLCanvasElement multiplesChart = Dom.byId("multiples-chart", HTMLCanvasElement.class);
    private final StepTable table = new StepTable(Dom.byId("steps-head"), Dom.byId("steps-body"),
            Dom.byId("steps-foot"), Dom.byId("steps-caption"));
    private String lastSummary = "";

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        double[] z = state.logits();
        double t = state.temperature();
        int target = state.target();
        List<String> names = state.names();
        Trace trace = frame.trace();
        SoftmaxResult exact = frame.exact();
        double[] p = trace.probabilities();
        double shownLoss = trace.crossEntropy(target, state.labelSmoothing());
        int predictedClass = exact.predictedClass();

        Dom.text(loss, Format.significant(shownLoss, 6));
        Messages words = Translation.words();
        Dom.text(predicted, words.format(predictedClass == target ? "results.predicted.right" : "results.predicted.wrong",
                "className", names.get(predictedClass)));
        String sentence = Explanation.of(trace, names, words);
        Dom.hidden(explanation, sentence.isEmpty());
        Dom.text(explanation, sentence);
        String spoken = words.format("results.summary", "predicted", names.get(predictedClass),
                "predictedPercent", Format.percent(p[predictedClass], 1), "trueClass", names.get(target),
                "truePercent", Format.percent(p[target], 1), "loss", Format.significant(shownLoss, 3));
        // The live region only speaks when the words change, not on every repaint.
        if (!spoken.equals(lastSummary)) {
            lastSummary = spoken;
            summary.setTextContent(spoken);
        }

        Theme theme = Theme.of(probabilityChart);
        ProbabilityChart.draw(ChartSurface.of(probabilityChart), theme, names.toArray(new String[0]), p, target,
                predictedClass, words);
        double[][] multiples = new double[MULTIPLE_TEMPERATURES.length][];
        int current = -1;
        for (int i = 0; i < MULTIPLE_TEMPERATURES.length; i++) {
            multiples[i] = Softmax.softmax(z, MULTIPLE_TEMPERATURES[i]);
            if (MULTIPLE_TEMPERATURES[i] == t) {
                current = i;
            }
        }
        SmallMultiplesChart.draw(ChartSurface.of(multiplesChart), theme, MULTIPLE_TEMPERATURES, multiples, target,
                current, words.text("chart.current-temperature"));
        table.show(trace, names, target, words);
    }
}
