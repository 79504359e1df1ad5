package dev.softmaxexplorer.web.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.state.ColorScheme;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.Lesson;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Tables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each lesson's task, met and not met by states a person can reach; the expected sides are worked out by hand. */
class TasksTest {
    private static final State TEXTBOOK = State.defaults();

    private static boolean done(Lesson lesson, State s) {
        double[] z = s.get(Fields.LOGITS);
        double t = s.get(Fields.TEMPERATURE);
        return Tasks.done(lesson, s, Softmax.evaluate(z, t, s.get(Fields.TARGET), s.get(Fields.LABEL_SMOOTHING)),
                Pipeline.trace(z, t, s.get(Fields.PRECISION), s.get(Fields.MODE)));
    }

    private static State logits(double... z) {
        return TEXTBOOK.with(Fields.CLASS_COUNT, z.length).with(Fields.LOGITS, z);
    }

    @Test
    void predictionNeedsClassTwoOnTopWithTheOtherLogitsUntouched() {
        assertFalse(done(Lesson.PREDICTION, TEXTBOOK));
        assertTrue(done(Lesson.PREDICTION, logits(2, 2.5, 0)));
        // A tie goes to the lower index, class 1.
        assertFalse(done(Lesson.PREDICTION, logits(2, 2, 0)));
        // Class 2 on top, but z1 was moved instead.
        assertFalse(done(Lesson.PREDICTION, logits(0, 1, 0)));
    }

    @Test
    void flattenNeedsEveryClassAboveOneFifth() {
        // [2, 1, 0] / T: p3 = 1 / (e^(2/T) + e^(1/T) + 1): at T = 2, 1 / 5.367 = 0.186; at T = 2.5, 1 / 4.717 = 0.212.
        assertFalse(done(Lesson.FLATTEN, TEXTBOOK.with(Fields.TEMPERATURE, 2.0)));
        assertTrue(done(Lesson.FLATTEN, TEXTBOOK.with(Fields.TEMPERATURE, 2.5)));
    }

    @Test
    void argmaxNeedsASmallTemperature() {
        assertTrue(done(Lesson.ARGMAX, TEXTBOOK.with(Fields.TEMPERATURE, 0.1)));
        assertFalse(done(Lesson.ARGMAX, TEXTBOOK.with(Fields.TEMPERATURE, 0.11)));
    }

    @Test
    void shiftNeedsTheTextbookGapsAtAnotherPlace() {
        assertFalse(done(Lesson.SHIFT, TEXTBOOK));
        assertTrue(done(Lesson.SHIFT, logits(7, 6, 5)));
        assertTrue(done(Lesson.SHIFT, logits(2.37, 1.37, 0.37)));
        assertFalse(done(Lesson.SHIFT, logits(7, 6, 4)));
        assertFalse(done(Lesson.SHIFT, logits(7, 6, 5, 4)));
    }

    @Test
    void overflowNeedsNaiveFloat16ToBreak() {
        State naive16 = TEXTBOOK.with(Fields.MODE, Mode.NAIVE).with(Fields.PRECISION, Precision.FLOAT16);
        // e^12 = 162755 > 65504, the largest float16; e^11 = 59874 and the sum 59878 still fit.
        assertTrue(done(Lesson.OVERFLOW, naive16.with(Fields.LOGITS, 0, 12.0)));
        assertFalse(done(Lesson.OVERFLOW, naive16.with(Fields.LOGITS, 0, 11.0)));
        assertFalse(done(Lesson.OVERFLOW, naive16.with(Fields.LOGITS, 0, 12.0).with(Fields.MODE, Mode.STABLE)));
    }

    @Test
    void stableNeedsFloat16ALargeLogitAndTheMaximumSubtracted() {
        State stable16 = TEXTBOOK.with(Fields.PRECISION, Precision.FLOAT16).with(Fields.LOGITS, 0, 12.0);
        assertTrue(done(Lesson.STABLE, stable16));
        assertFalse(done(Lesson.STABLE, stable16.with(Fields.MODE, Mode.NAIVE)));
        assertFalse(done(Lesson.STABLE, stable16.with(Fields.LOGITS, 0, 10.0)));
    }

    @Test
    void lowLossNeedsTheTrueClassAboveAboutNinetyPercentWithoutSmoothing() {
        // [2, 1, 0]: loss 0.408. [5, 1, 0]: p1 = 148.41 / 152.13 = 0.9756, loss 0.0247.
        assertFalse(done(Lesson.LOW_LOSS, TEXTBOOK));
        assertTrue(done(Lesson.LOW_LOSS, logits(5, 1, 0)));
        assertFalse(done(Lesson.LOW_LOSS, logits(5, 1, 0).with(Fields.LABEL_SMOOTHING, 0.1)));
    }

    @Test
    void floorAndGradientNeedTheLossNearItsFloor() {
        // eps = 0.1, K = 3: y = [28/30, 1/30, 1/30], so z = [ln 28, 0, 0] gives p = y and the loss its floor.
        State atFloor = logits(Math.log(28), 0, 0).with(Fields.LABEL_SMOOTHING, 0.1);
        assertTrue(done(Lesson.FLOOR, atFloor));
        assertTrue(done(Lesson.GRADIENT, atFloor));
        // z1 half a unit higher: p1 = 28e^0.5 / (28e^0.5 + 2) = 0.9585 and the loss is KL(y || p) = 0.0067 above
        // the floor: near enough for the floor step, not for the gradient step.
        State above = logits(Math.log(28) + 0.5, 0, 0).with(Fields.LABEL_SMOOTHING, 0.1);
        assertTrue(done(Lesson.FLOOR, above));
        assertFalse(done(Lesson.GRADIENT, above));
        assertFalse(done(Lesson.FLOOR, TEXTBOOK.with(Fields.LABEL_SMOOTHING, 0.1)));
        // Without smoothing there is no floor to reach.
        assertFalse(done(Lesson.FLOOR, logits(30, 0, 0)));
    }

    @Test
    void samplingNeedsTenThousandDraws() {
        assertFalse(done(Lesson.SAMPLING, TEXTBOOK));
        assertTrue(done(Lesson.SAMPLING, TEXTBOOK.with(Fields.SAMPLE_COUNT, 10_000)));
    }

    /** [2, 1, 0] at T: sparsemax keeps the second class while (2 - 1) / T < 1, so it is one-hot from T = 1 down. */
    @Test
    void sparseNeedsSparsemaxOneHotFromTheStartAtTTwo() {
        State start = Tasks.start(Lesson.SPARSE, TEXTBOOK.with(Fields.TEMPERATURE, 0.5));
        assertEquals(2.0, start.get(Fields.TEMPERATURE));
        assertFalse(done(Lesson.SPARSE, start));
        assertFalse(done(Lesson.SPARSE, start.with(Fields.TEMPERATURE, 1.01)));
        assertTrue(done(Lesson.SPARSE, start.with(Fields.TEMPERATURE, 1.0)));
    }

    @Test
    void attentionNeedsUnscaledScoresAtALargeKeyDimension() {
        State start = Tasks.start(Lesson.ATTENTION, TEXTBOOK.with(Fields.UNSCALED, true).with(Fields.KEY_DIMENSION, 1024));
        assertFalse(start.get(Fields.UNSCALED));
        assertEquals(64, start.get(Fields.KEY_DIMENSION));
        assertFalse(done(Lesson.ATTENTION, start.with(Fields.KEY_DIMENSION, 1024)));
        assertFalse(done(Lesson.ATTENTION, start.with(Fields.UNSCALED, true)));
        assertTrue(done(Lesson.ATTENTION, start.with(Fields.UNSCALED, true).with(Fields.KEY_DIMENSION, 512)));
    }

    @Test
    void calibrationNeedsTheViewsTNearTheFittedOne() {
        State start = Tasks.start(Lesson.CALIBRATION, TEXTBOOK.with(Fields.CALIBRATION_TEMPERATURE, 2.5));
        assertEquals(1.0, start.get(Fields.CALIBRATION_TEMPERATURE));
        assertFalse(done(Lesson.CALIBRATION, start));
        assertTrue(done(Lesson.CALIBRATION, start.with(Fields.CALIBRATION_TEMPERATURE, 2.5)));
        assertFalse(done(Lesson.CALIBRATION, start.with(Fields.CALIBRATION_TEMPERATURE, 3.2)));
    }

    @Test
    void aStepStartsFromTheTextbookOrFromWhereThePreviousLeftAndKeepsThePageSettings() {
        State changed = logits(7, 6, 5, 4).with(Fields.COLOR_SCHEME, ColorScheme.DARK).with(Fields.LESSON, 3);
        State started = Tasks.start(Lesson.PREDICTION, changed);
        assertEquals(3, started.classCount());
        assertEquals(2.0, started.logit(0));
        assertEquals(ColorScheme.DARK, started.get(Fields.COLOR_SCHEME));
        assertEquals(changed, Tasks.start(Lesson.ARGMAX, changed));
    }

    @Test
    void everyStepHasItsWordsInEveryLanguage() {
        for (String language : new String[] {"en", "ja"}) {
            Map<String, String> table = Tables.read(language);
            for (Lesson lesson : Lesson.values()) {
                for (String part : new String[] {"title", "task", "notice"}) {
                    String key = "lessons." + lesson.key() + "." + part;
                    assertTrue(table.containsKey(key), language + ": " + key);
                }
            }
        }
    }
}
