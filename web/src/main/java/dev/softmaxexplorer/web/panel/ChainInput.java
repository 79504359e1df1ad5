package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.SamplerChain.Stage;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.workbench.Loaded;
import dev.softmaxexplorer.web.workbench.LogitVector;
import java.util.List;

/**
 * What the sampler chain runs on: the workbench's vector when one is loaded, else the page's own
 * logits. Of a loaded vector (up to 131,072 classes) the charts and tables show the top classes
 * the workbench lists, in rank order, while counts, masses and entropies cover every class; of
 * the page's own logits they show every class in index order. The input stage (the softmax at
 * T = 1) depends on the vector alone, so a loaded vector's is computed once, when a run on this
 * thread first needs it, not on every move of T.
 */
final class ChainInput {
    private LogitVector keptVector;
    private Stage keptInput;

    /** One frame's input: the logits to run the chain on and the classes to show. */
    record Shown(double[] own, int size, int[] classes, String[] names, int target, Loaded loaded) {

        /** The position of class i among the shown classes, or -1. */
        int position(int i) {
            for (int j = 0; j < classes.length; j++) {
                if (classes[j] == i) {
                    return j;
                }
            }
            return -1;
        }

        /** The workbench's vector, or null for the page's own logits. */
        LogitVector vector() {
            return loaded == null ? null : loaded.vector();
        }
    }

    Shown of(Frame frame) {
        Loaded loaded = frame.loaded();
        if (loaded == null) {
            double[] logits = frame.state().get(Fields.LOGITS);
            List<String> names = frame.state().get(Fields.NAMES);
            int[] classes = new int[logits.length];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = i;
            }
            return new Shown(logits, logits.length, classes, names.toArray(new String[0]),
                    frame.state().get(Fields.TARGET), null);
        }
        int[] classes = new int[loaded.top()];
        String[] names = new String[classes.length];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = loaded.ranked(r);
            names[r] = loaded.name(classes[r]);
        }
        return new Shown(null, loaded.size(), classes, names, loaded.target(), loaded);
    }

    /** The input stage of the shown logits. */
    Stage input(Shown shown) {
        if (shown.loaded() == null) {
            return SamplerChain.input(shown.own());
        }
        if (shown.vector() != keptVector) {
            keptVector = shown.vector();
            keptInput = SamplerChain.input(keptVector.logits());
        }
        return keptInput;
    }
}
