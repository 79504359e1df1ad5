package dev.softmaxexplorer.web;

import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.state.State;

/**
 * What every panel draws in one animation frame, computed once: the state, the chosen machine's
 * step-by-step trace and core's exact results.
 */
public record Frame(State state, Trace trace, SoftmaxResult exact) {

    static Frame of(State state) {
        double[] z = state.logits();
        return new Frame(state, Pipeline.trace(z, state.temperature(), state.precision(), state.mode()),
                Softmax.evaluate(z, state.temperature(), state.target(), state.labelSmoothing()));
    }
}
