package dev.softmaxexplorer.web.check;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.State;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold after every update, whatever the input: checked by the page in its assertion
 * mode ({@code #check}) while the fuzz mode fires random input at it.
 */
public final class Invariants {
    static final double SUM_TOLERANCE = 1e-12;

    private Invariants() {
    }

    /**
     * The broken invariants, each as a sentence; empty when all hold.
     *
     * @param hash the URL hash the page shows (without '#')
     */
    public static List<String> violations(State state, SoftmaxResult exact, Trace trace, String hash) {
        List<String> broken = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < exact.size(); i++) {
            double p = exact.probability(i);
            if (!(p >= 0 && p <= 1)) {
                broken.add("p" + (i + 1) + " = " + Format.shortest(p) + " is not a probability");
            }
            if (Double.isNaN(exact.logProbability(i)) || Double.isNaN(exact.gradient(i))) {
                broken.add("log p or the gradient of class " + (i + 1) + " is NaN from finite logits");
            }
            sum += p;
        }
        if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
            broken.add("the probabilities add up to " + Format.shortest(sum) + ", not 1 within 1e-12");
        }
        double loss = exact.crossEntropy();
        if (!(loss >= 0)) {
            broken.add("the loss " + Format.shortest(loss) + " is not >= 0");
        }
        if (state.get(Fields.LABEL_SMOOTHING) == 0 && loss != -exact.logProbability(state.get(Fields.TARGET))) {
            broken.add("the loss " + Format.shortest(loss) + " differs from -log p_c = "
                    + Format.shortest(-exact.logProbability(state.get(Fields.TARGET))));
        }
        if (trace.mode() == Mode.STABLE && representable(trace)) {
            for (double p : trace.probabilities()) {
                if (Double.isNaN(p)) {
                    broken.add("the stable " + trace.precision().displayName() + " pipeline gave NaN");
                    break;
                }
            }
        }
        HashCodec.Decoded decoded = HashCodec.decode(hash);
        if (!decoded.notices().isEmpty() || !decoded.state().equals(state)) {
            broken.add("the URL hash '" + hash + "' does not decode to the state shown");
        }
        return broken;
    }

    /**
     * Whether z, T and z/T are finite in the trace's format: where they are not (1e5 in float16),
     * the machine's NaN is the right answer, not a bug.
     */
    private static boolean representable(Trace trace) {
        for (double x : trace.scaled()) {
            if (Double.isInfinite(x) || Double.isNaN(x)) {
                return false;
            }
        }
        return trace.temperature() > 0;
    }
}
