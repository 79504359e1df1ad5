package dev.softmaxexplorer.web;

import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.ClassNames;
import dev.softmaxexplorer.web.text.Messages;

/**
 * What every panel draws in one animation frame, computed once: the state as shown (default class
 * names in the page's language), the chosen machine's step-by-step trace and core's exact results.
 * {@code edited} is the page's own state, which the controls change and the link encodes; a panel
 * that remembers a state it caused compares it with this one.
 */
public record Frame(State state, Trace trace, SoftmaxResult exact, State edited) {

    static Frame of(State edited, Messages words) {
        State state = ClassNames.shown(edited, words);
        double[] z = state.logits();
        return new Frame(state, Pipeline.trace(z, state.temperature(), state.precision(), state.mode()),
                Softmax.evaluate(z, state.temperature(), state.target(), state.labelSmoothing()), edited);
    }
}
