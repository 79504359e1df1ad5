package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Explanation;
import dev.softmaxexplorer.web.text.Messages;
import java.util.List;

/**
 * The results' words above the bars for a frame: the loss of the chosen machine, the predicted
 * class with a tick or a cross, why a computation broke (empty when none did) and the spoken
 * summary. The bars panel shows them; the site build writes the default state's into the page.
 */
record Headline(String loss, String predicted, String explanation, String summary) {
    static Headline of(Frame frame) {
        State state = frame.state();
        int target = state.get(Fields.TARGET);
        List<String> names = state.get(Fields.NAMES);
        Trace trace = frame.trace();
        double[] p = trace.probabilities();
        double shownLoss = trace.crossEntropy(target, state.get(Fields.LABEL_SMOOTHING));
        int predictedClass = frame.exact().predictedClass();
        Messages words = frame.words();
        return new Headline(Format.significant(shownLoss, 6),
                words.format(predictedClass == target ? "results.predicted.right" : "results.predicted.wrong",
                        "className", names.get(predictedClass)),
                Explanation.of(trace, names, words),
                words.format("results.summary", "predicted", names.get(predictedClass),
                        "predictedPercent", Format.percent(p[predictedClass], 1), "trueClass", names.get(target),
                        "truePercent", Format.percent(p[target], 1), "loss", Format.significant(shownLoss, 3)));
    }
}
