package dev.softmaxexplorer.web.quiz;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.LabelSmoothing;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.Sampling;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.List;

/**
 * The predict-then-reveal questions on the misconceptions learners bring (issue 5): temperature
 * reorders classes; a constant shift changes p; CrossEntropyLoss wants probabilities; sampling
 * always picks the top token; label smoothing still lets the loss reach 0; float16 has room for
 * large logits; a softmax output is a calibrated chance. Each is worded for the given state and
 * explained with core's numbers for it, so the same question teaches again after a change.
 */
public final class Quiz {
    /** Draws in the sampling question: enough for frequencies near p, few enough to count in one's head. */
    public static final int SAMPLE_DRAWS = 1000;
    /** The shift added to every logit in the shift question. */
    public static final double SHIFT = 100;
    /** The smoothing asked about when the page has none. */
    public static final double EXAMPLE_SMOOTHING = 0.1;

    private Quiz() {
    }

    /** The questions for this state, always the same ones in the same order. */
    public static List<Question> questions(State state) {
        double[] z = state.logits();
        double t = state.temperature();
        double[] p = Softmax.softmax(z, t);
        return List.of(temperature(state, z, t, p), shift(state, z, t, p), logits(state, z, t, p),
                sampling(state, p), smoothing(state, z, t), float16(z, t), calibration(state, p));
    }

    private static Question temperature(State state, double[] z, double t, double[] p) {
        int top = Softmax.argmax(z);
        double half = t / 2;
        String after;
        if (half > 0) {
            // The prediction is the argmax of z itself, so it is the same class at T / 2; only its p moves.
            after = " and still " + state.name(top) + " at T = " + Numbers.compact(half) + " (p = "
                    + Numbers.compact(Softmax.softmax(z, half)[top]) + ")";
        } else {
            after = " (T / 2 is below the smallest positive double here, so there is no T / 2 to show)";
        }
        return new Question("temperature",
                "At T = " + Numbers.compact(t) + " the page predicts " + state.name(top)
                        + ". If T is halved, does the predicted class change?",
                List.of("Yes: a lower T can let another class overtake", "No: the same class stays on top"), 1,
                "Dividing every logit by the same positive T keeps their order, so the prediction is "
                        + state.name(top) + " at T = " + Numbers.compact(t) + " (p = " + Numbers.compact(p[top]) + ")"
                        + after + ". A lower T sharpens the distribution; it never reorders it.");
    }

    private static Question shift(State state, double[] z, double t, double[] p) {
        int c = state.target();
        double[] shifted = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            shifted[i] = z[i] + SHIFT;
        }
        String now = Numbers.compact(p[c]);
        return new Question("shift",
                "The true class " + state.name(c) + " has p = " + now + ". Add 100 to every logit: what is its"
                        + " probability then?",
                List.of("Higher than " + now, "Still " + now, "Lower than " + now), 1,
                "Softmax only sees differences between logits: e^(z + 100) = e^100 \u00B7 e^z, and e^100 cancels"
                        + " between the numerator and the sum. With every logit raised by 100, p of " + state.name(c)
                        + " is " + Numbers.compact(Softmax.softmax(shifted, t)[c]) + ".");
    }

    private static Question logits(State state, double[] z, double t, double[] p) {
        int c = state.target();
        double eps = state.labelSmoothing();
        double right = Softmax.crossEntropy(z, t, c, eps);
        double twice = Softmax.crossEntropy(p, 1, c, eps);
        return new Question("logits",
                "PyTorch's F.cross_entropy (nn.CrossEntropyLoss): what do you pass it?",
                List.of("Probabilities: apply softmax first", "Raw logits (here z / T)"), 1,
                "It applies log-softmax itself, stably: given z / T it returns this page's loss, "
                        + Numbers.compact(right) + ". Given the softmax outputs it applies softmax twice and returns "
                        + Numbers.compact(twice) + ", a loss that is wrong and learns slowly. (Log-probabilities would"
                        + " give the right loss, as log-softmax ignores a constant shift; they are what NLLLoss takes.)");
    }

    private static Question sampling(State state, double[] p) {
        int top = Sampling.greedy(p);
        int seed = state.samplingSeed();
        int count = Sampling.counts(p, SAMPLE_DRAWS, seed)[top];
        return new Question("sampling",
                "Draw " + SAMPLE_DRAWS + " tokens from p with seed " + seed + ". How often does the most likely"
                        + " class, " + state.name(top) + " (p = " + Format.percent(p[top], 1) + "), come up?",
                List.of("All " + SAMPLE_DRAWS + " times: sampling picks the most likely token",
                        "About p \u00D7 " + SAMPLE_DRAWS + " times, give or take"), 1,
                "Sampling draws each token with its probability; it is not argmax. With seed " + seed + ", "
                        + state.name(top) + " came up " + count + " times out of " + SAMPLE_DRAWS + ", close to p = "
                        + Format.percent(p[top], 1) + ", and the other classes " + (SAMPLE_DRAWS - count)
                        + " times. Greedy decoding would pick " + state.name(top) + " all " + SAMPLE_DRAWS
                        + " times.");
    }

    private static Question smoothing(State state, double[] z, double t) {
        int k = state.classCount();
        int c = state.target();
        double eps = state.labelSmoothing() > 0 ? state.labelSmoothing() : EXAMPLE_SMOOTHING;
        double[] y = LabelSmoothing.target(k, c, eps);
        double share = y[c == 0 ? 1 : 0];
        String pageNote = state.labelSmoothing() > 0 ? ""
                : " (The page has \u03B5 = 0 now, where the loss can come as close to 0 as the logits allow.)";
        return new Question("smoothing",
                "With label smoothing \u03B5 = " + Numbers.compact(eps) + " and K = " + k
                        + " classes, can the loss reach 0 if the model gets confident enough?",
                List.of("Yes, once the true class's logit is large enough", "No: the loss has a floor above 0"), 1,
                "The smoothed target gives every other class y = \u03B5 / K = " + Numbers.compact(share)
                        + ", so the loss is the entropy of y plus KL(y \u2016 p), never below the entropy. Its least"
                        + " value is " + Numbers.compact(LabelSmoothing.minimumCrossEntropy(k, eps))
                        + ", reached when p equals y; pushing the true logit higher makes it rise again. With the"
                        + " current logits and \u03B5 = " + Numbers.compact(eps) + " the loss is "
                        + Numbers.compact(Softmax.crossEntropy(z, t, c, eps)) + "." + pageNote);
    }

    private static Question float16(double[] z, double t) {
        String half = Format.fixed(Precision.FLOAT16.expOverflowThreshold(), 2);
        String single = Format.fixed(Precision.FLOAT32.expOverflowThreshold(), 2);
        String doubleLimit = Format.fixed(Precision.FLOAT64.expOverflowThreshold(), 2);
        double largest = Pipeline.trace(z, t, Precision.FLOAT64, Mode.STABLE).max();
        Trace naive = Pipeline.trace(z, t, Precision.FLOAT16, Mode.NAIVE);
        String here = naive.firstBreak().isPresent()
                ? "so naive float16 breaks on these logits: tick Naive softmax and choose float16 above to see where."
                : "so naive float16 stays finite here; push z / T past " + half + " to watch it break.";
        return new Question("float16",
                "The naive formula computes e^(z / T) as it stands. In float16, from which z / T on does e^(z / T)"
                        + " overflow to Infinity?",
                List.of("About " + doubleLimit, "About " + half, "About " + single), 1,
                "float16's largest finite number is " + Format.shortest(Precision.FLOAT16.maxFinite()) + ", and e^"
                        + half + " is already past it (" + single + " is the limit of float32 and bfloat16, "
                        + doubleLimit + " of float64). The largest z / T now is " + Numbers.compact(largest) + ", "
                        + here);
    }

    private static Question calibration(State state, double[] p) {
        int top = Sampling.greedy(p);
        String shown = Format.percent(p[top], 1);
        return new Question("calibration",
                "The model gives " + state.name(top) + " p = " + shown + ". Is it right " + shown
                        + " of the time on inputs like this one?",
                List.of("Yes: that is what a probability means", "Only if the model is calibrated"), 1,
                "Softmax outputs add up to 1, but that does not make them frequencies: deep networks are often"
                        + " over-confident. Measure it on held-out data; temperature scaling then fits one T, which"
                        + " changes this " + shown + " but never which class is predicted.");
    }
}
