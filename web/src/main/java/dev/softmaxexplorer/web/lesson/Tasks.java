package dev.softmaxexplorer.web.lesson;

import dev.softmaxexplorer.core.LabelSmoothing;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.core.Sparsemax;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.Lesson;
import dev.softmaxexplorer.web.state.State;

/**
 * What each {@link Lesson} asks and where it starts. A task is met by a state, never by a button:
 * whatever way a person gets there (a slider, a typed value, a drag, a preset) counts, and a
 * link to a state that meets it shows it met.
 */
public final class Tasks {
    /** The largest logit naive float16 survives is just under 11.09 (e^11.09 is about 65504). */
    private static final double FLOAT16_SAFE_LOGIT = 11;

    private Tasks() {
    }

    /**
     * The state a step starts from when a person moves to it: the textbook example for the steps
     * that need it, what the previous step left for those that build on it. Only the model and the
     * machine change; the page's settings stay.
     */
    public static State start(Lesson lesson, State state) {
        return switch (lesson) {
            case PREDICTION, FLATTEN, SHIFT, OVERFLOW, LOW_LOSS -> state.reset();
            case ARGMAX, STABLE, FLOOR, GRADIENT, SAMPLING -> state;
            case SPARSE -> state.reset().with(Fields.TEMPERATURE, Lesson.SPARSE_START);
            case ATTENTION -> state.with(Fields.UNSCALED, false)
                    .with(Fields.KEY_DIMENSION, State.defaults().get(Fields.KEY_DIMENSION));
            case CALIBRATION -> state.with(Fields.CALIBRATION_TEMPERATURE, 1.0);
        };
    }

    /**
     * Whether the state meets the step's task, judged with core's exact results for it and the
     * chosen machine's trace.
     */
    public static boolean done(Lesson lesson, State state, SoftmaxResult exact, Trace trace) {
        return switch (lesson) {
            case PREDICTION -> state.classCount() == 3 && state.logit(0) == 2 && state.logit(2) == 0
                    && exact.predictedClass() == 1;
            case FLATTEN -> minimum(exact.probabilities()) > Lesson.FLAT_SHARE;
            case ARGMAX -> state.get(Fields.TEMPERATURE) <= Lesson.SHARP_TEMPERATURE;
            case SHIFT -> shiftedTextbook(state);
            case OVERFLOW -> state.get(Fields.MODE) == Mode.NAIVE && state.get(Fields.PRECISION) == Precision.FLOAT16
                    && trace.firstBreak().isPresent();
            case STABLE -> state.get(Fields.MODE) == Mode.STABLE && state.get(Fields.PRECISION) == Precision.FLOAT16
                    && maximum(state.get(Fields.LOGITS)) / state.get(Fields.TEMPERATURE) > FLOAT16_SAFE_LOGIT
                    && trace.firstBreak().isEmpty();
            case LOW_LOSS -> state.get(Fields.LABEL_SMOOTHING) == 0 && exact.crossEntropy() < Lesson.LOW_LOSS_TARGET;
            case FLOOR -> nearFloor(state, exact, Lesson.NEAR_FLOOR);
            case GRADIENT -> nearFloor(state, exact, Lesson.AT_FLOOR);
            case SAMPLING -> state.get(Fields.SAMPLE_COUNT) >= Lesson.DRAWS;
            case SPARSE -> Sparsemax.sparsemaxSupport(state.get(Fields.LOGITS), state.get(Fields.TEMPERATURE)) == 1
                    && state.classCount() > 1;
            case ATTENTION -> state.get(Fields.UNSCALED) && state.get(Fields.KEY_DIMENSION) >= Lesson.LARGE_DIMENSION;
            case CALIBRATION -> state.get(Fields.CALIBRATION_TEMPERATURE) >= Lesson.CALIBRATED_LOW
                    && state.get(Fields.CALIBRATION_TEMPERATURE) <= Lesson.CALIBRATED_HIGH;
        };
    }

    /** [2, 1, 0] moved as a whole: both gaps still 1 (to a rounding), the first logit no longer 2. */
    private static boolean shiftedTextbook(State state) {
        if (state.classCount() != 3 || state.logit(0) == 2) {
            return false;
        }
        double gap1 = state.logit(0) - state.logit(1);
        double gap2 = state.logit(1) - state.logit(2);
        // Sliders move in steps of 0.01, which binary doubles hold only nearly.
        return Math.abs(gap1 - 1) < 1e-9 && Math.abs(gap2 - 1) < 1e-9;
    }

    private static boolean nearFloor(State state, SoftmaxResult exact, double distance) {
        double eps = state.get(Fields.LABEL_SMOOTHING);
        return eps >= Lesson.SMOOTHING
                && exact.crossEntropy() - LabelSmoothing.minimumCrossEntropy(state.classCount(), eps) < distance;
    }

    private static double minimum(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static double maximum(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
