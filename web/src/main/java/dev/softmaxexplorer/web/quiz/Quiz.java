package dev.softmaxexplorer.web.quiz;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.LabelSmoothing;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.SamplerChain.Step;
import dev.softmaxexplorer.core.Sampling;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.List;

/**
 * The predict-then-reveal questions on the misconceptions learners bring (issue 5): temperature
 * reorders classes; a constant shift changes p; CrossEntropyLoss wants probabilities; sampling
 * always picks the top token; label smoothing still lets the loss reach 0; float16 has room for
 * large logits; a softmax output is a calibrated chance; the sampler chain's order does not matter;
 * min-p is an absolute threshold. Each is worded for the given state and
 * explained with core's numbers for it, so the same question teaches again after a change.
 */
public final class Quiz {
    /** Draws in the sampling question: enough for frequencies near p, few enough to count in one's head. */
    public static final int SAMPLE_DRAWS = 1000;
    /** The shift added to every logit in the shift question. */
    public static final double SHIFT = 100;
    /** The smoothing asked about when the page has none. */
    public static final double EXAMPLE_SMOOTHING = 0.1;
    /** The min-p asked about when the page's is off. */
    public static final double EXAMPLE_MIN_P = 0.2;
    /** The temperature of the order question when the page's is 1 (where the order cannot matter). */
    public static final double EXAMPLE_TEMPERATURE = 2;

    private Quiz() {
    }

    /** The questions for this state, worded in {@code words}' language, always the same ones in the same order. */
    public static List<Question> questions(State state, Messages words) {
        double[] z = state.get(Fields.LOGITS);
        double t = state.get(Fields.TEMPERATURE);
        double[] p = Softmax.softmax(z, t);
        return List.of(temperature(state, z, t, p, words), shift(state, z, t, p, words), logits(state, z, t, p, words),
                sampling(state, p, words), smoothing(state, z, t, words), float16(z, t, words),
                calibration(state, p, words), order(state, z, t, words), minP(state, z, t, p, words));
    }

    private static Question temperature(State state, double[] z, double t, double[] p, Messages words) {
        int top = Softmax.argmax(z);
        double half = t / 2;
        String name = state.name(top);
        // The prediction is the argmax of z itself, so it is the same class at T / 2; only its p moves.
        String explanation = half > 0
                ? words.format("quiz.temperature.explanation", "className", name, "t", Numbers.compact(t),
                        "p", Numbers.compact(p[top]), "half", Numbers.compact(half),
                        "halfP", Numbers.compact(Softmax.softmax(z, half)[top]))
                : words.format("quiz.temperature.explanation.no-half", "className", name, "t", Numbers.compact(t),
                        "p", Numbers.compact(p[top]));
        return new Question("temperature",
                words.format("quiz.temperature.prompt", "t", Numbers.compact(t), "className", name),
                List.of(words.text("quiz.temperature.yes"), words.text("quiz.temperature.no")), 1, explanation);
    }

    private static Question shift(State state, double[] z, double t, double[] p, Messages words) {
        int c = state.get(Fields.TARGET);
        double[] shifted = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            shifted[i] = z[i] + SHIFT;
        }
        String now = Numbers.compact(p[c]);
        return new Question("shift",
                words.format("quiz.shift.prompt", "className", state.name(c), "p", now),
                List.of(words.format("quiz.shift.higher", "p", now), words.format("quiz.shift.same", "p", now),
                        words.format("quiz.shift.lower", "p", now)), 1,
                words.format("quiz.shift.explanation", "className", state.name(c),
                        "shiftedP", Numbers.compact(Softmax.softmax(shifted, t)[c])));
    }

    private static Question logits(State state, double[] z, double t, double[] p, Messages words) {
        int c = state.get(Fields.TARGET);
        double eps = state.get(Fields.LABEL_SMOOTHING);
        double right = Softmax.crossEntropy(z, t, c, eps);
        double twice = Softmax.crossEntropy(p, 1, c, eps);
        return new Question("logits", words.text("quiz.logits.prompt"),
                List.of(words.text("quiz.logits.probabilities"), words.text("quiz.logits.logits")), 1,
                words.format("quiz.logits.explanation", "loss", Numbers.compact(right),
                        "twice", Numbers.compact(twice)));
    }

    private static Question sampling(State state, double[] p, Messages words) {
        int top = Sampling.greedy(p);
        int seed = state.get(Fields.SAMPLING_SEED);
        int count = Sampling.counts(p, SAMPLE_DRAWS, seed)[top];
        String draws = Integer.toString(SAMPLE_DRAWS);
        String percent = Format.percent(p[top], 1);
        return new Question("sampling",
                words.format("quiz.sampling.prompt", "n", draws, "seed", Integer.toString(seed),
                        "className", state.name(top), "percent", percent),
                List.of(words.format("quiz.sampling.all", "n", draws), words.format("quiz.sampling.about", "n", draws)),
                1,
                words.format("quiz.sampling.explanation", "seed", Integer.toString(seed), "className", state.name(top),
                        "count", Integer.toString(count), "n", draws, "percent", percent,
                        "others", Integer.toString(SAMPLE_DRAWS - count)));
    }

    private static Question smoothing(State state, double[] z, double t, Messages words) {
        int k = state.classCount();
        int c = state.get(Fields.TARGET);
        double eps = state.get(Fields.LABEL_SMOOTHING) > 0 ? state.get(Fields.LABEL_SMOOTHING) : EXAMPLE_SMOOTHING;
        double[] y = LabelSmoothing.target(k, c, eps);
        double share = y[c == 0 ? 1 : 0];
        return new Question("smoothing",
                words.format("quiz.smoothing.prompt", "epsilon", Numbers.compact(eps), "k", Integer.toString(k)),
                List.of(words.text("quiz.smoothing.yes"), words.text("quiz.smoothing.no")), 1,
                words.format(state.get(Fields.LABEL_SMOOTHING) > 0 ? "quiz.smoothing.explanation"
                        : "quiz.smoothing.explanation.page-without", "share", Numbers.compact(share),
                        "least", Numbers.compact(LabelSmoothing.minimumCrossEntropy(k, eps)),
                        "epsilon", Numbers.compact(eps), "loss", Numbers.compact(Softmax.crossEntropy(z, t, c, eps))));
    }

    private static Question float16(double[] z, double t, Messages words) {
        String half = Format.fixed(Precision.FLOAT16.expOverflowThreshold(), 2);
        String single = Format.fixed(Precision.FLOAT32.expOverflowThreshold(), 2);
        String doubleLimit = Format.fixed(Precision.FLOAT64.expOverflowThreshold(), 2);
        double largest = Pipeline.trace(z, t, Precision.FLOAT64, Mode.STABLE).max();
        Trace naive = Pipeline.trace(z, t, Precision.FLOAT16, Mode.NAIVE);
        return new Question("float16", words.text("quiz.float16.prompt"),
                List.of(words.format("quiz.float16.about", "limit", doubleLimit),
                        words.format("quiz.float16.about", "limit", half),
                        words.format("quiz.float16.about", "limit", single)), 1,
                words.format(naive.firstBreak().isPresent() ? "quiz.float16.explanation.breaks"
                        : "quiz.float16.explanation.finite", "max", Format.shortest(Precision.FLOAT16.maxFinite()),
                        "half", half, "single", single, "double", doubleLimit, "largest", Numbers.compact(largest)));
    }

    private static Question calibration(State state, double[] p, Messages words) {
        int top = Sampling.greedy(p);
        String shown = Format.percent(p[top], 1);
        return new Question("calibration",
                words.format("quiz.calibration.prompt", "className", state.name(top), "percent", shown),
                List.of(words.text("quiz.calibration.yes"), words.text("quiz.calibration.only-if")), 1,
                words.format("quiz.calibration.explanation", "percent", shown));
    }

    private static double minPAsked(State state) {
        return state.get(Fields.MIN_P) > 0 ? state.get(Fields.MIN_P) : EXAMPLE_MIN_P;
    }

    private static Question order(State state, double[] z, double t, Messages words) {
        double asked = t == 1 ? EXAMPLE_TEMPERATURE : t;
        double minP = minPAsked(state);
        Step[] temperatureFirst = {Step.TEMPERATURE, Step.MIN_P};
        Step[] temperatureLast = {Step.MIN_P, Step.TEMPERATURE};
        int first = new SamplerChain(temperatureFirst, asked, 0, 1, minP, 1).stages(z)[2].survivors();
        int last = new SamplerChain(temperatureLast, asked, 0, 1, minP, 1).stages(z)[2].survivors();
        String tText = Numbers.compact(asked);
        String minPText = Numbers.compact(minP);
        return new Question("order", words.format("quiz.order.prompt", "t", tText, "minP", minPText),
                List.of(words.text("quiz.order.first"), words.text("quiz.order.last"), words.text("quiz.order.same")),
                first > last ? 0 : first < last ? 1 : 2,
                words.format("quiz.order.explanation", "t", tText, "first", Integer.toString(first),
                        "last", Integer.toString(last), "k", Integer.toString(z.length)));
    }

    private static Question minP(State state, double[] z, double t, double[] p, Messages words) {
        double minP = minPAsked(state);
        double top = p[Sampling.greedy(p)];
        String minPText = Numbers.compact(minP);
        String topText = Numbers.compact(top);
        String threshold = Numbers.compact(minP * top);
        int kept = new SamplerChain(new Step[] {Step.TEMPERATURE, Step.MIN_P}, t, 0, 1, minP, 1).stages(z)[2]
                .survivors();
        return new Question("minp", words.format("quiz.minp.prompt", "t", Numbers.compact(t), "top", topText,
                "minP", minPText),
                List.of(words.format("quiz.minp.absolute", "minP", minPText),
                        words.format("quiz.minp.relative", "minP", minPText, "top", topText, "threshold", threshold),
                        words.format("quiz.minp.mass", "rest", Numbers.compact(1 - minP))), 1,
                words.format("quiz.minp.explanation", "minP", minPText, "top", topText, "threshold", threshold,
                        "kept", Integer.toString(kept), "k", Integer.toString(z.length)));
    }
}
