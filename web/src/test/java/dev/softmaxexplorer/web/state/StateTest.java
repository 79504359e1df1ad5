package dev.softmaxexplorer.web.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.workbench.LogitVector;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateTest {

    @Test
    void defaultsShowTheTextbookExample() {
        State s = State.defaults();
        assertEquals(3, s.classCount());
        assertArrayEquals(new double[] {2, 1, 0}, s.get(Fields.LOGITS));
        assertEquals(List.of("Class 1", "Class 2", "Class 3"), s.get(Fields.NAMES));
        assertArrayEquals(new double[] {4, 2, 0}, s.get(Fields.TEACHER_LOGITS));
        assertEquals(1.0, s.get(Fields.TEMPERATURE));
        assertEquals(0, s.get(Fields.TARGET));
        assertEquals(0.0, s.get(Fields.LABEL_SMOOTHING));
        assertEquals(Mode.STABLE, s.get(Fields.MODE));
        assertEquals(Precision.FLOAT64, s.get(Fields.PRECISION));
        assertEquals(42, s.get(Fields.SAMPLING_SEED));
        assertEquals(1000, s.get(Fields.SAMPLE_COUNT));
        assertEquals(0, s.get(Fields.TOP_K));
        assertEquals(1.0, s.get(Fields.TOP_P));
        assertEquals(1.0, s.get(Fields.LEARNING_RATE));
        assertFalse(s.get(Fields.EMBED));
        assertEquals(EnumSet.of(View.INPUTS, View.BARS, View.MULTIPLES, View.STEPS), s.get(Fields.VIEWS));
        assertEquals(ColorScheme.AUTO, s.get(Fields.COLOR_SCHEME));
        assertFalse(s.get(Fields.STRESS));
        assertEquals(State.MAX_CLASSES, Fields.CLASS_COUNT.max(s));
    }

    @Test
    void anEmbeddingKeepsAtLeastOneView() {
        assertThrows(IllegalArgumentException.class, () -> State.defaults().with(Fields.VIEWS, EnumSet.noneOf(View.class)));
        State s = State.defaults().with(Fields.EMBED, true).with(Fields.VIEWS, EnumSet.of(View.QUIZ));
        assertTrue(s.shows(View.QUIZ));
        assertFalse(s.shows(View.BARS));
        assertNotEquals(State.defaults().with(Fields.EMBED, true), s);
    }

    @Test
    void growingKeepsClassesAndAddsDefaults() {
        State s = State.defaults().with(Fields.LOGITS, 0, 7.0).with(Fields.NAMES, 1, "dog").with(Fields.TEACHER_LOGITS, 2, -3.0).with(Fields.CLASS_COUNT, 5);
        assertArrayEquals(new double[] {7, 1, 0, -1, -2}, s.get(Fields.LOGITS));
        assertEquals(List.of("Class 1", "dog", "Class 3", "Class 4", "Class 5"), s.get(Fields.NAMES));
        assertArrayEquals(new double[] {4, 2, -3, -2, -4}, s.get(Fields.TEACHER_LOGITS));
    }

    @Test
    void shrinkingDropsTheLastClassesAndClampsTargetButNotTopK() {
        State s = State.defaults().with(Fields.CLASS_COUNT, 6).with(Fields.TARGET, 5).with(Fields.TOP_K, 6).with(Fields.NAMES, 1, "dog").with(Fields.CLASS_COUNT, 2);
        assertArrayEquals(new double[] {2, 1}, s.get(Fields.LOGITS));
        assertEquals(List.of("Class 1", "dog"), s.get(Fields.NAMES));
        assertEquals(1, s.get(Fields.TARGET));
        // Top-k may be meant for a workbench vector; above the classes present it keeps them all.
        assertEquals(6, s.get(Fields.TOP_K));
        assertEquals(0, State.defaults().with(Fields.CLASS_COUNT, 2).get(Fields.TARGET));
    }

    @Test
    void shrinkThenGrowRestoresDefaultsNotOldValues() {
        State s = State.defaults().with(Fields.LOGITS, 2, 9.0).with(Fields.CLASS_COUNT, 2).with(Fields.CLASS_COUNT, 3);
        assertEquals(0.0, s.logit(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 11, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void classCountOutsideTwoToTenIsRefused(int k) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> State.defaults().with(Fields.CLASS_COUNT, k));
        assertTrue(e.getMessage().contains("k must be in [2, 10]"), e.getMessage());
    }

    @Test
    void stressModeAllowsAThousandClassesAndTurningItOffClamps() {
        State s = State.defaults().with(Fields.STRESS, true).with(Fields.CLASS_COUNT, 1000);
        assertEquals(1000, s.classCount());
        assertEquals(-997.0, s.logit(999));
        assertEquals("Class 1000", s.name(999));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.CLASS_COUNT, 1001));
        State off = s.with(Fields.TARGET, 999).with(Fields.STRESS, false);
        assertEquals(10, off.classCount());
        assertEquals(9, off.get(Fields.TARGET));
        assertFalse(off.get(Fields.STRESS));
    }

    @Test
    void scalarSettersValidate() {
        State s = State.defaults();
        assertEquals(0.05, s.with(Fields.TEMPERATURE, 0.05).get(Fields.TEMPERATURE));
        assertEquals(1e300, s.with(Fields.TEMPERATURE, 1e300).get(Fields.TEMPERATURE));
        assertEquals(Double.MIN_VALUE, s.with(Fields.TEMPERATURE, Double.MIN_VALUE).get(Fields.TEMPERATURE));
        for (double bad : new double[] {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> s.with(Fields.TEMPERATURE, bad), "T = " + bad);
            assertThrows(IllegalArgumentException.class, () -> s.with(Fields.LEARNING_RATE, bad), "lr = " + bad);
        }
        assertEquals(1.0, s.with(Fields.LABEL_SMOOTHING, 1.0).get(Fields.LABEL_SMOOTHING));
        for (double bad : new double[] {-1e-300, 1.0000000000000002, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> s.with(Fields.LABEL_SMOOTHING, bad), "eps = " + bad);
        }
        assertEquals(0.5, s.with(Fields.TOP_P, 0.5).get(Fields.TOP_P));
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> s.with(Fields.TOP_P, bad), "p = " + bad);
        }
        assertEquals(2, s.with(Fields.TARGET, 2).get(Fields.TARGET));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.TARGET, 3));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.TARGET, -1));
        assertEquals(3, s.with(Fields.TOP_K, 3).get(Fields.TOP_K));
        assertEquals(40, s.with(Fields.TOP_K, 40).get(Fields.TOP_K));
        assertEquals(LogitVector.MAX_CLASSES, s.with(Fields.TOP_K, State.MAX_TOP_K).get(Fields.TOP_K));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.TOP_K, State.MAX_TOP_K + 1));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.TOP_K, -1));
        assertEquals(0, s.with(Fields.SAMPLING_SEED, 0).get(Fields.SAMPLING_SEED));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.SAMPLING_SEED, -1));
        assertEquals(State.MAX_SAMPLE_COUNT, s.with(Fields.SAMPLE_COUNT, State.MAX_SAMPLE_COUNT).get(Fields.SAMPLE_COUNT));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.SAMPLE_COUNT, 0));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.SAMPLE_COUNT, State.MAX_SAMPLE_COUNT + 1));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.MODE, null));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.PRECISION, null));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.COLOR_SCHEME, null));
    }

    @Test
    void logitsMustBeFiniteAndOnePerClass() {
        State s = State.defaults();
        assertArrayEquals(new double[] {1000, -0.0, 1e-320}, s.with(Fields.LOGITS, new double[] {1000, -0.0, 1e-320}).get(Fields.LOGITS));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.LOGITS, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.LOGITS, 1, Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.LOGITS, 3, 1.0));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.LOGITS, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.TEACHER_LOGITS, 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.TEACHER_LOGITS, new double[] {1, 2, 3, 4}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.with(Fields.LOGITS, new double[] {1, Double.NaN, 3}));
        assertTrue(e.getMessage().contains("logits[1]"), e.getMessage());
    }

    @Test
    void stateIsNotChangedThroughItsArrays() {
        double[] z = {5, 6, 7};
        State s = State.defaults().with(Fields.LOGITS, z);
        z[0] = 99;
        s.get(Fields.LOGITS)[1] = 99;
        s.get(Fields.TEACHER_LOGITS)[0] = 99;
        assertArrayEquals(new double[] {5, 6, 7}, s.get(Fields.LOGITS));
        assertArrayEquals(new double[] {4, 2, 0}, s.get(Fields.TEACHER_LOGITS));
        assertThrows(UnsupportedOperationException.class, () -> s.get(Fields.NAMES).set(0, "x"));
    }

    @Test
    void namesAreValidated() {
        State s = State.defaults();
        assertEquals("<img src=x onerror=alert(1)>", s.with(Fields.NAMES, 0, "<img src=x onerror=alert(1)>").name(0));
        assertEquals("猫 🐈", s.with(Fields.NAMES, 0, "猫 🐈").name(0));
        String forty = "🐈".repeat(State.MAX_NAME_LENGTH);
        assertEquals(forty, s.with(Fields.NAMES, 0, forty).name(0));
        for (String bad : new String[] {"", " cat", "cat ", "a\nb", "a\tb", "a\u0085b", "a\u202Eb", "a\u2066b",
                "a\u2028b", "a\uD800b", "\uDC00", "x".repeat(State.MAX_NAME_LENGTH + 1), null}) {
            assertFalse(State.isValidName(bad), "valid: " + bad);
            assertThrows(IllegalArgumentException.class, () -> s.with(Fields.NAMES, 0, bad), "name " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> s.with(Fields.NAMES, List.of("a", "b")));
        assertEquals(List.of("a", "b", "c"), s.with(Fields.NAMES, List.of("a", "b", "c")).get(Fields.NAMES));
    }

    @Test
    void presetsGiveTheLiteratureExamples() {
        assertArrayEquals(new double[] {2, 1, 0}, Preset.TEXTBOOK.state().get(Fields.LOGITS));
        assertArrayEquals(new double[] {2, 1, 0.1}, Preset.SMALL_LAST.state().get(Fields.LOGITS));
        State cat = Preset.CAT_DOG_BIRD.state();
        assertArrayEquals(new double[] {4.5, -1.2, 0.8}, cat.get(Fields.LOGITS));
        assertEquals(List.of("cat", "dog", "bird"), cat.get(Fields.NAMES));
        assertArrayEquals(new double[] {10, 9, 9}, Preset.CLOSE_CALL.state().get(Fields.LOGITS));
        assertArrayEquals(new double[] {1000, 999, 998}, Preset.OVERFLOW.state().get(Fields.LOGITS));
        State two = Preset.TWO_CLASSES.state();
        assertArrayEquals(new double[] {1, 0}, two.get(Fields.LOGITS));
        assertEquals(List.of("Class 1", "Class 2"), two.get(Fields.NAMES));
        assertArrayEquals(new double[] {4, 2}, two.get(Fields.TEACHER_LOGITS));
        for (Preset p : Preset.values()) {
            assertFalse(p.label().isEmpty());
        }
    }

    @Test
    void presetKeepsOtherChoicesAndClampsTarget() {
        State s = Preset.TWO_CLASSES.appliedTo(State.defaults().with(Fields.MODE, Mode.NAIVE)
                .with(Fields.PRECISION, Precision.FLOAT16).with(Fields.TEMPERATURE, 2.0).with(Fields.TARGET, 2)
                .with(Fields.TOP_K, 3).with(Fields.NAMES, 0, "x"));
        assertEquals(Mode.NAIVE, s.get(Fields.MODE));
        assertEquals(Precision.FLOAT16, s.get(Fields.PRECISION));
        assertEquals(2.0, s.get(Fields.TEMPERATURE));
        assertEquals(1, s.get(Fields.TARGET));
        assertEquals(3, s.get(Fields.TOP_K));
        assertEquals(List.of("Class 1", "Class 2"), s.get(Fields.NAMES));
        assertEquals(List.of("Class 1", "Class 2", "Class 3"),
                Preset.OVERFLOW.appliedTo(Preset.CAT_DOG_BIRD.appliedTo(s)).get(Fields.NAMES));
    }

    @Test
    void equalityIsBitExact() {
        State a = State.defaults().with(Fields.LOGITS, 2, 0.0);
        State b = State.defaults().with(Fields.LOGITS, 2, -0.0);
        assertNotEquals(a, b);
        assertEquals(a, State.defaults());
        assertEquals(a.hashCode(), State.defaults().hashCode());
        assertEquals(State.defaults().with(Fields.TEMPERATURE, 2.0).with(Fields.NAMES, 1, "b"),
                State.defaults().with(Fields.NAMES, 1, "b").with(Fields.TEMPERATURE, 2.0));
        assertNotEquals(State.defaults(), State.defaults().with(Fields.EMBED, true));
        assertNotEquals(State.defaults(), State.defaults().with(Fields.COLOR_SCHEME, ColorScheme.PROJECTOR));
        assertNotEquals(State.defaults(), State.defaults().with(Fields.LEARNING_RATE, 0.5));
        assertNotEquals(State.defaults(), State.defaults().with(Fields.STRESS, true));
        assertNotEquals(State.defaults(), null);
        assertNotEquals(State.defaults(), "state");
    }

    @Test
    void keysAreLowerCase() {
        for (Mode m : Mode.values()) {
            assertTrue(m.displayName().matches("[a-z]+"), m.displayName());
        }
        for (ColorScheme c : ColorScheme.values()) {
            assertTrue(c.key().matches("[a-z]+"), c.key());
        }
        assertEquals("stable", Mode.STABLE.displayName());
        assertEquals("projector", ColorScheme.PROJECTOR.key());
    }
}
