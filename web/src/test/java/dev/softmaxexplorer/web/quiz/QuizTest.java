package dev.softmaxexplorer.web.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.LabelSmoothing;
import dev.softmaxexplorer.core.Sampling;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import dev.softmaxexplorer.web.text.Tables;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuizTest {
    private static final State DEFAULTS = State.defaults();
    private static final Messages WORDS = Tables.english();

    private static Map<String, Question> byId(State state) {
        return Quiz.questions(state, WORDS).stream().collect(Collectors.toMap(Question::id, Function.identity()));
    }

    @Test
    void theSameQuestionsInTheSameOrderForEveryState() {
        List<String> ids = List.of("temperature", "shift", "logits", "sampling", "smoothing", "float16", "calibration", "order",
                "minp");
        assertEquals(ids, Quiz.questions(DEFAULTS, WORDS).stream().map(Question::id).toList());
        State other = DEFAULTS.with(Fields.CLASS_COUNT, 10).with(Fields.TEMPERATURE, 0.05).with(Fields.LABEL_SMOOTHING, 0.3);
        assertEquals(ids, Quiz.questions(other, WORDS).stream().map(Question::id).toList());
        for (Question q : Quiz.questions(DEFAULTS, WORDS)) {
            assertTrue(q.choices().size() >= 2 && q.choices().size() <= 4, q.id());
        }
    }

    @Test
    void halvingTheTemperatureKeepsThePrediction() {
        // [2, 1, 0]: p1 = 0.665241 at T = 1 and, at T = 0.5 (x = [4, 2, 0]), e^4 / (e^4 + e^2 + 1) = 0.866813.
        Question q = byId(DEFAULTS).get("temperature");
        assertEquals("At T = 1 the page predicts Class 1. If T is halved, does the predicted class change?", q.prompt());
        assertEquals("No: the same class stays on top", q.choices().get(q.correct()));
        assertEquals("Right. Dividing every logit by the same positive T keeps their order, so the prediction is Class 1"
                + " at T = 1 (p = 0.665241) and still Class 1 at T = 0.5 (p = 0.866813). A lower T sharpens the"
                + " distribution; it never reorders it.", q.reveal(1, WORDS));
        assertTrue(q.reveal(0, WORDS).startsWith("Not quite: the answer is \u201CNo: the same class stays on top\u201D. "
                + "Dividing"), q.reveal(0, WORDS));
    }

    /**
     * [2, 1, 0] at the asked T = 2 (the page's is 1) and min-p 0.2: temperature first, p is
     * proportional to e^(-i/2) = 1, 0.607, 0.368, all >= 0.2 of the top, so 3 stay; temperature
     * last, e^-i = 1, 0.368, 0.135 keeps 2.
     */
    @Test
    void theOrderQuestionCountsBothOrders() {
        Question q = byId(DEFAULTS).get("order");
        assertEquals("Temperature first keeps more", q.choices().get(q.correct()));
        assertTrue(q.explanation().startsWith("Temperature first: min-p sees the distribution at T = 2 and keeps 3 of"
                + " 3 tokens. Temperature last: min-p sees it at T = 1 and keeps 2."), q.explanation());
        // Below T = 1 the answer turns around: at T = 0.5, e^(-2i) = 1, 0.135, 0.018 keeps 1, against 2.
        Question sharp = byId(DEFAULTS.with(Fields.TEMPERATURE, 0.5)).get("order");
        assertEquals("Temperature last keeps more", sharp.choices().get(sharp.correct()));
    }

    /** p = 0.665241, 0.244728, 0.090031 at T = 1: min-p 0.2 cuts at 0.133048 and keeps two. */
    @Test
    void theMinPQuestionScalesWithTheTopToken() {
        Question q = byId(DEFAULTS).get("minp");
        assertEquals("Those with p \u2265 0.2 \u00d7 0.665241 = 0.133048", q.choices().get(q.correct()));
        assertTrue(q.explanation().contains("so it keeps 2 of 3 tokens here"), q.explanation());
    }

    @Test
    void aSmallestTemperatureHasNoHalfButStillAnExplanation() {
        Question q = byId(DEFAULTS.with(Fields.TEMPERATURE, Double.MIN_VALUE)).get("temperature");
        assertTrue(q.explanation().contains("T / 2 is below the smallest positive double"), q.explanation());
    }

    @Test
    void shiftingEveryLogitLeavesTheTrueClassProbability() {
        Question q = byId(DEFAULTS).get("shift");
        assertEquals(List.of("Higher than 0.665241", "Still 0.665241", "Lower than 0.665241"), q.choices());
        assertEquals("Still 0.665241", q.choices().get(q.correct()));
        assertTrue(q.explanation().endsWith("With every logit raised by 100, p of Class 1 is "
                + Numbers.compact(Softmax.softmax(new double[] {102, 101, 100}, 1)[0]) + "."), q.explanation());
        assertTrue(q.explanation().endsWith("p of Class 1 is 0.665241."), q.explanation());
    }

    @Test
    void crossEntropyTakesLogitsAndSoftmaxTwiceIsShownWrong() {
        Question q = byId(DEFAULTS).get("logits");
        assertEquals("Raw logits (here z / T)", q.choices().get(q.correct()));
        double[] p = Softmax.softmax(new double[] {2, 1, 0}, 1);
        // softmax(p) with p = [0.665, 0.245, 0.090]: -log of its first entry is 0.8204 (hand check:
        // e^0.665 = 1.945, e^0.245 = 1.277, e^0.090 = 1.094; 1.945 / 4.316 = 0.4506; -ln 0.4506 = 0.7972...),
        // so core's value is pinned here, not recomputed by a second formula.
        String twice = Numbers.compact(Softmax.crossEntropy(p, 1, 0, 0));
        assertTrue(q.explanation().contains("returns this page's loss, 0.407606. Given the softmax outputs it"
                + " applies softmax twice and returns " + twice + ","), q.explanation());
    }

    @Test
    void samplingCountsComeFromCoreWithTheStateSeed() {
        State state = DEFAULTS.with(Fields.SAMPLING_SEED, 7);
        Question q = byId(state).get("sampling");
        int count = Sampling.counts(Softmax.softmax(new double[] {2, 1, 0}, 1), 1000, 7)[0];
        assertEquals("Draw 1000 tokens from p with seed 7. How often does the most likely class, Class 1 (p = 66.5%),"
                + " come up?", q.prompt());
        assertTrue(q.explanation().contains("With seed 7, Class 1 came up " + count + " times out of 1000, close to p"
                + " = 66.5%, and the other classes " + (1000 - count) + " times."), q.explanation());
        // Binomial(1000, 0.665): standard deviation 14.9; five of them either side.
        assertTrue(Math.abs(count - 665) < 75, "count " + count);
    }

    @Test
    void labelSmoothingHasAFloorAboveZero() {
        Question q = byId(DEFAULTS.with(Fields.LABEL_SMOOTHING, 0.2).with(Fields.CLASS_COUNT, 4)).get("smoothing");
        assertEquals("With label smoothing \u03B5 = 0.2 and K = 4 classes, can the loss reach 0 if the model gets"
                + " confident enough?", q.prompt());
        assertEquals("No: the loss has a floor above 0", q.choices().get(q.correct()));
        assertTrue(q.explanation().contains("y = \u03B5 / K = 0.05,"), q.explanation());
        assertTrue(q.explanation().contains("Its least value is "
                + Numbers.compact(LabelSmoothing.minimumCrossEntropy(4, 0.2)) + ","), q.explanation());
        assertTrue(!q.explanation().contains("The page has \u03B5 = 0 now"), q.explanation());
    }

    @Test
    void withoutSmoothingTheQuestionUsesTheExampleEpsilon() {
        Question q = byId(DEFAULTS).get("smoothing");
        assertTrue(q.prompt().startsWith("With label smoothing \u03B5 = 0.1 and K = 3 classes"), q.prompt());
        // H(y) for y = [0.9333, 0.0333, 0.0333]: 0.9333 * 0.0690 + 2 * 0.0333 * 3.4012 = 0.0644 + 0.2267 = 0.2911.
        String floor = Numbers.compact(LabelSmoothing.minimumCrossEntropy(3, 0.1));
        assertTrue(floor.startsWith("0.291"), floor);
        assertTrue(q.explanation().contains("Its least value is " + floor), q.explanation());
        assertTrue(q.explanation().endsWith("(The page has \u03B5 = 0 now, where the loss can come as close to 0 as"
                + " the logits allow.)"), q.explanation());
    }

    @Test
    void float16OverflowsFromElevenPointZeroNine() {
        Question q = byId(DEFAULTS).get("float16");
        assertEquals(List.of("About 709.78", "About 11.09", "About 88.72"), q.choices());
        assertEquals("About 11.09", q.choices().get(q.correct()));
        assertTrue(q.explanation().startsWith("float16's largest finite number is 65504, and e^11.09 is already past"
                + " it"), q.explanation());
        assertTrue(q.explanation().endsWith("The largest z / T now is 2, so naive float16 stays finite here; push z / T"
                + " past 11.09 to watch it break."), q.explanation());
        Question overflowing = byId(DEFAULTS.with(Fields.LOGITS, 0, 12.0)).get("float16");
        assertTrue(overflowing.explanation().endsWith("The largest z / T now is 12, so naive float16 breaks on these"
                + " logits: tick Naive softmax and choose float16 above to see where."), overflowing.explanation());
    }

    @Test
    void calibrationQuotesTheTopProbability() {
        Question q = byId(DEFAULTS).get("calibration");
        assertEquals("The model gives Class 1 p = 66.5%. Is it right 66.5% of the time on inputs like this one?",
                q.prompt());
        assertEquals("Only if the model is calibrated", q.choices().get(q.correct()));
    }

    @Test
    void extremeStatesGiveQuestionsWithoutThrowing() {
        double[] huge = new double[10];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = i % 2 == 0 ? 1e6 : -1e6;
        }
        for (State state : List.of(DEFAULTS.with(Fields.CLASS_COUNT, 10).with(Fields.LOGITS, huge).with(Fields.TEMPERATURE, 0.05),
                DEFAULTS.with(Fields.LOGITS, new double[] {1000, 999, 998}).with(Fields.LABEL_SMOOTHING, 1.0),
                DEFAULTS.with(Fields.LOGITS, new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0}).with(Fields.TEMPERATURE, Double.MIN_VALUE),
                DEFAULTS.with(Fields.STRESS, true).with(Fields.CLASS_COUNT, 1000))) {
            for (Question q : Quiz.questions(state, WORDS)) {
                // A loss may truly be Infinity (a class with p = 0 weighed by label smoothing) and is then
                // said so in words; NaN would be a bug.
                String text = q.prompt() + q.explanation() + String.join("", q.choices());
                assertTrue(!text.contains("NaN"), state + " " + q.id() + ": " + text);
            }
        }
    }

    @Test
    void revealRefusesAChoiceThatIsNotOffered() {
        Question q = byId(DEFAULTS).get("logits");
        assertThrows(IllegalArgumentException.class, () -> q.reveal(2, WORDS));
        assertThrows(IllegalArgumentException.class, () -> new Question("x", "?", List.of("only"), 0, ""));
        assertEquals("Right. " + q.explanation(), q.reveal(1, WORDS));
        assertEquals(Format.percent(0.665, 1), "66.5%");
    }
}
