package dev.softmaxexplorer.web.page;

import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.core.SoftmaxSummary;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.state.View;
import dev.softmaxexplorer.web.text.ClassNames;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.workbench.Loaded;

/**
 * What every panel draws in one animation frame, computed once: the state as shown (default class
 * names in the page's language), the chosen machine's step-by-step trace, core's exact results and
 * the page's words. {@code edited} is the page's own state, which the controls change and the link
 * encodes; a panel that remembers a state it caused compares it with this one. {@code moves} says
 * that the state was reached by a step ({@link Editor#step}), so charts move to it rather than jump.
 *
 * <p>{@code loaded} is the vector brought to the workbench, or null: it lives beside the state,
 * never in the link, and {@code loadedSummary} is what the page shows of core's exact evaluation
 * of it at the state's T and label smoothing (null without a vector, or when the workbench is not
 * among the views: a pass over the vector is a frame's largest cost): at K = 131,072 the three
 * K-long arrays of a full evaluation on every frame would cost more than the frame may take, so
 * {@link #loadedExact()} forms them only when asked. The link's own logits stay the other views'
 * logits.
 */
public record Frame(State state, Trace trace, SoftmaxResult exact, State edited, Messages words, Loaded loaded,
        SoftmaxSummary loadedSummary, boolean moves) {

    public static Frame of(State edited, Loaded loaded, Messages words, boolean moves) {
        State state = ClassNames.shown(edited, words);
        double[] z = state.get(Fields.LOGITS);
        double t = state.get(Fields.TEMPERATURE);
        double eps = state.get(Fields.LABEL_SMOOTHING);
        return new Frame(state, Pipeline.trace(z, t, state.get(Fields.PRECISION), state.get(Fields.MODE)),
                Softmax.evaluate(z, t, state.get(Fields.TARGET), eps), edited, words, loaded,
                loaded == null || !state.shows(View.WORKBENCH) ? null : loaded.summarize(t, eps), moves);
    }

    /**
     * Core's exact evaluation of the loaded vector at the state's T and label smoothing, every
     * class's p, log p and gradient (null without a vector): a pass over the vector on each call,
     * for what needs every class (an export), not for drawing a frame.
     */
    public SoftmaxResult loadedExact() {
        return loaded == null ? null
                : loaded.evaluate(state.get(Fields.TEMPERATURE), state.get(Fields.LABEL_SMOOTHING));
    }
}
