package dev.softmaxexplorer.web.page;

import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.ClassNames;
import dev.softmaxexplorer.web.text.Messages;

/**
 * What every panel draws in one animation frame, computed once: the state as shown (default class
 * names in the page's language), the chosen machine's step-by-step trace, core's exact results and
 * the page's words. {@code edited} is the page's own state, which the controls change and the link
 * encodes; a panel that remembers a state it caused compares it with this one. {@code moves} says
 * that the state was reached by a step ({@link Editor#step}), so charts move to it rather than jump.
 */
public record Frame(State state, Trace trace, SoftmaxResult exact, State edited, Messages words, boolean moves) {

    static Frame of(State edited, Messages words, boolean moves) {
        State state = ClassNames.shown(edited, words);
        double[] z = state.get(Fields.LOGITS);
        double t = state.get(Fields.TEMPERATURE);
        return new Frame(state, Pipeline.trace(z, t, state.get(Fields.PRECISION), state.get(Fields.MODE)),
                Softmax.evaluate(z, t, state.get(Fields.TARGET), state.get(Fields.LABEL_SMOOTHING)), edited, words,
                moves);
    }
}
