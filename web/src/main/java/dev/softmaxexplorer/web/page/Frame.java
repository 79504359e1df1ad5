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
 * never in the link, and {@link #loadedSummary()} is what the page shows of core's exact
 * evaluation of it at the state's T and label smoothing (null without a vector, or when the
 * workbench is not among the views). A pass over the vector is a frame's largest cost, so it is
 * made when a panel first asks for it, not for a frame in which the workbench is not drawn (the
 * page is scrolled to another view that reads the vector, the sampler chain). At K = 131,072 the
 * three K-long arrays of a full evaluation on every frame would cost more than the frame may
 * take, so {@link #loadedExact()} forms them only when asked. The link's own logits stay the
 * other views' logits.
 */
public final class Frame {
    private final State state;
    private final Trace trace;
    private final SoftmaxResult exact;
    private final State edited;
    private final Messages words;
    private final Loaded loaded;
    private final boolean moves;
    private SoftmaxSummary loadedSummary;

    private Frame(State state, Trace trace, SoftmaxResult exact, State edited, Messages words, Loaded loaded,
            boolean moves) {
        this.state = state;
        this.trace = trace;
        this.exact = exact;
        this.edited = edited;
        this.words = words;
        this.loaded = loaded;
        this.moves = moves;
    }

    public static Frame of(State edited, Loaded loaded, Messages words, boolean moves) {
        State state = ClassNames.shown(edited, words);
        double[] z = state.get(Fields.LOGITS);
        double t = state.get(Fields.TEMPERATURE);
        double eps = state.get(Fields.LABEL_SMOOTHING);
        return new Frame(state, Pipeline.trace(z, t, state.get(Fields.PRECISION), state.get(Fields.MODE)),
                Softmax.evaluate(z, t, state.get(Fields.TARGET), eps), edited, words, loaded, moves);
    }

    /** The state as shown (default class names in the page's language). */
    public State state() {
        return state;
    }

    /** The chosen machine's step-by-step trace of the link's logits. */
    public Trace trace() {
        return trace;
    }

    /** Core's exact results for the link's logits. */
    public SoftmaxResult exact() {
        return exact;
    }

    /** The page's own state, which the controls change and the link encodes. */
    public State edited() {
        return edited;
    }

    /** The page's words. */
    public Messages words() {
        return words;
    }

    /** The workbench's vector, or null. */
    public Loaded loaded() {
        return loaded;
    }

    /** Whether the state was reached by a step, so that charts move to it rather than jump. */
    public boolean moves() {
        return moves;
    }

    /**
     * Core's exact summary of the loaded vector at the state's T and label smoothing, made on the
     * first call and kept with the frame; null without a vector or without the workbench view.
     */
    public SoftmaxSummary loadedSummary() {
        if (loadedSummary == null && loaded != null && state.shows(View.WORKBENCH)) {
            loadedSummary = loaded.summarize(state.get(Fields.TEMPERATURE), state.get(Fields.LABEL_SMOOTHING));
        }
        return loadedSummary;
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
