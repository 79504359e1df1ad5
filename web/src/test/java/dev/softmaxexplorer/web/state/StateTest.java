package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Pipeline.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Precision;
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
        assertArrayEquals(new double[] {2, 1, 0}, s.logits());
        assertEquals(List.of("Class 1", "Class 2", "Class 3"), s.names());
        assertArrayEquals(new double[] {4, 2, 0}, s.teacherLogits());
        assertEquals(1.0, s.temperature());
        assertEquals(0, s.target());
        assertEquals(0.0, s.labelSmoothing());
        assertEquals(Mode.STABLE, s.mode());
        assertEquals(Precision.FLOAT64, s.precision());
        assertEquals(42, s.samplingSeed());
        assertEquals(1000, s.sampleCount());
        assertEquals(0, s.topK());
        assertEquals(1.0, s.topP());
        assertEquals(1.0, s.learningRate());
        assertFalse(s.embed());
        assertEquals(EnumSet.of(View.INPUTS, View.BARS, View.MULTIPLES, View.STEPS), s.views());
        assertEquals(ColorScheme.AUTO, s.colorScheme());
        assertFalse(s.stress());
        assertEquals(State.MAX_CLASSES, s.maxClassCount());
    }

    @Test
    void anEmbeddingKeepsAtLeastOneView() {
        assertThrows(IllegalArgumentException.class, () -> State.defaults().withViews(EnumSet.noneOf(View.class)));
        State s = State.defaults().withEmbed(true).withViews(EnumSet.of(View.QUIZ));
        assertTrue(s.shows(View.QUIZ));
        assertFalse(s.shows(View.BARS));
        assertNotEquals(State.defaults().withEmbed(true), s);
    }

    @Test
    void growingKeepsClassesAndAddsDefaults() {
        State s = State.defaults().withLogit(0, 7).withName(1, "dog").withTeacherLogit(2, -3).withClassCount(5);
        assertArrayEquals(new double[] {7, 1, 0, -1, -2}, s.logits());
        assertEquals(List.of("Class 1", "dog", "Class 3", "Class 4", "Class 5"), s.names());
        assertArrayEquals(new double[] {4, 2, -3, -2, -4}, s.teacherLogits());
    }

    @Test
    void shrinkingDropsTheLastClassesAndClampsTargetAndTopK() {
        State s = State.defaults().withClassCount(6).withTarget(5).withTopK(6).withName(1, "dog").withClassCount(2);
        assertArrayEquals(new double[] {2, 1}, s.logits());
        assertEquals(List.of("Class 1", "dog"), s.names());
        assertEquals(1, s.target());
        assertEquals(2, s.topK());
        assertEquals(0, State.defaults().withClassCount(2).target());
    }

    @Test
    void shrinkThenGrowRestoresDefaultsNotOldValues() {
        State s = State.defaults().withLogit(2, 9).withClassCount(2).withClassCount(3);
        assertEquals(0.0, s.logit(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 11, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void classCountOutsideTwoToTenIsRefused(int k) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> State.defaults().withClassCount(k));
        assertTrue(e.getMessage().contains("k must be in [2, 10]"), e.getMessage());
    }

    @Test
    void stressModeAllowsAThousandClassesAndTurningItOffClamps() {
        State s = State.defaults().withStress(true).withClassCount(1000);
        assertEquals(1000, s.classCount());
        assertEquals(-997.0, s.logit(999));
        assertEquals("Class 1000", s.name(999));
        assertThrows(IllegalArgumentException.class, () -> s.withClassCount(1001));
        State off = s.withTarget(999).withStress(false);
        assertEquals(10, off.classCount());
        assertEquals(9, off.target());
        assertFalse(off.stress());
    }

    @Test
    void scalarSettersValidate() {
        State s = State.defaults();
        assertEquals(0.05, s.withTemperature(0.05).temperature());
        assertEquals(1e300, s.withTemperature(1e300).temperature());
        assertEquals(Double.MIN_VALUE, s.withTemperature(Double.MIN_VALUE).temperature());
        for (double bad : new double[] {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> s.withTemperature(bad), "T = " + bad);
            assertThrows(IllegalArgumentException.class, () -> s.withLearningRate(bad), "lr = " + bad);
        }
        assertEquals(1.0, s.withLabelSmoothing(1).labelSmoothing());
        for (double bad : new double[] {-1e-300, 1.0000000000000002, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> s.withLabelSmoothing(bad), "eps = " + bad);
        }
        assertEquals(0.5, s.withTopP(0.5).topP());
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> s.withTopP(bad), "p = " + bad);
        }
        assertEquals(2, s.withTarget(2).target());
        assertThrows(IllegalArgumentException.class, () -> s.withTarget(3));
        assertThrows(IllegalArgumentException.class, () -> s.withTarget(-1));
        assertEquals(3, s.withTopK(3).topK());
        assertThrows(IllegalArgumentException.class, () -> s.withTopK(4));
        assertThrows(IllegalArgumentException.class, () -> s.withTopK(-1));
        assertEquals(0, s.withSamplingSeed(0).samplingSeed());
        assertThrows(IllegalArgumentException.class, () -> s.withSamplingSeed(-1));
        assertEquals(State.MAX_SAMPLE_COUNT, s.withSampleCount(State.MAX_SAMPLE_COUNT).sampleCount());
        assertThrows(IllegalArgumentException.class, () -> s.withSampleCount(0));
        assertThrows(IllegalArgumentException.class, () -> s.withSampleCount(State.MAX_SAMPLE_COUNT + 1));
        assertThrows(IllegalArgumentException.class, () -> s.withMode(null));
        assertThrows(IllegalArgumentException.class, () -> s.withPrecision(null));
        assertThrows(IllegalArgumentException.class, () -> s.withColorScheme(null));
    }

    @Test
    void logitsMustBeFiniteAndOnePerClass() {
        State s = State.defaults();
        assertArrayEquals(new double[] {1000, -0.0, 1e-320}, s.withLogits(new double[] {1000, -0.0, 1e-320}).logits());
        assertThrows(IllegalArgumentException.class, () -> s.withLogit(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.withLogit(1, Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> s.withLogit(3, 1));
        assertThrows(IllegalArgumentException.class, () -> s.withLogits(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> s.withTeacherLogit(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> s.withTeacherLogits(new double[] {1, 2, 3, 4}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.withLogits(new double[] {1, Double.NaN, 3}));
        assertTrue(e.getMessage().contains("logits[1]"), e.getMessage());
    }

    @Test
    void stateIsNotChangedThroughItsArrays() {
        double[] z = {5, 6, 7};
        State s = State.defaults().withLogits(z);
        z[0] = 99;
        s.logits()[1] = 99;
        s.teacherLogits()[0] = 99;
        assertArrayEquals(new double[] {5, 6, 7}, s.logits());
        assertArrayEquals(new double[] {4, 2, 0}, s.teacherLogits());
        assertThrows(UnsupportedOperationException.class, () -> s.names().set(0, "x"));
    }

    @Test
    void namesAreValidated() {
        State s = State.defaults();
        assertEquals("<img src=x onerror=alert(1)>", s.withName(0, "<img src=x onerror=alert(1)>").name(0));
        assertEquals("猫 🐈", s.withName(0, "猫 🐈").name(0));
        String forty = "🐈".repeat(State.MAX_NAME_LENGTH);
        assertEquals(forty, s.withName(0, forty).name(0));
        for (String bad : new String[] {"", " cat", "cat ", "a\nb", "a\tb", "a\u0085b", "a\u202Eb", "a\u2066b",
                "a\u2028b", "a\uD800b", "\uDC00", "x".repeat(State.MAX_NAME_LENGTH + 1), null}) {
            assertFalse(State.isValidName(bad), "valid: " + bad);
            assertThrows(IllegalArgumentException.class, () -> s.withName(0, bad), "name " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> s.withNames(new String[] {"a", "b"}));
        assertEquals(List.of("a", "b", "c"), s.withNames(new String[] {"a", "b", "c"}).names());
    }

    @Test
    void presetsGiveTheLiteratureExamples() {
        assertArrayEquals(new double[] {2, 1, 0}, Preset.TEXTBOOK.state().logits());
        assertArrayEquals(new double[] {2, 1, 0.1}, Preset.SMALL_LAST.state().logits());
        State cat = Preset.CAT_DOG_BIRD.state();
        assertArrayEquals(new double[] {4.5, -1.2, 0.8}, cat.logits());
        assertEquals(List.of("cat", "dog", "bird"), cat.names());
        assertArrayEquals(new double[] {10, 9, 9}, Preset.CLOSE_CALL.state().logits());
        assertArrayEquals(new double[] {1000, 999, 998}, Preset.OVERFLOW.state().logits());
        State two = Preset.TWO_CLASSES.state();
        assertArrayEquals(new double[] {1, 0}, two.logits());
        assertEquals(List.of("Class 1", "Class 2"), two.names());
        assertArrayEquals(new double[] {4, 2}, two.teacherLogits());
        for (Preset p : Preset.values()) {
            assertFalse(p.label().isEmpty());
        }
    }

    @Test
    void presetKeepsOtherChoicesAndClampsTarget() {
        State s = State.defaults().withMode(Mode.NAIVE).withPrecision(Precision.FLOAT16).withTemperature(2)
                .withTarget(2).withTopK(3).withName(0, "x").withPreset(Preset.TWO_CLASSES);
        assertEquals(Mode.NAIVE, s.mode());
        assertEquals(Precision.FLOAT16, s.precision());
        assertEquals(2.0, s.temperature());
        assertEquals(1, s.target());
        assertEquals(2, s.topK());
        assertEquals(List.of("Class 1", "Class 2"), s.names());
        assertEquals(List.of("Class 1", "Class 2", "Class 3"),
                s.withPreset(Preset.CAT_DOG_BIRD).withPreset(Preset.OVERFLOW).names());
    }

    @Test
    void equalityIsBitExact() {
        State a = State.defaults().withLogit(2, 0.0);
        State b = State.defaults().withLogit(2, -0.0);
        assertNotEquals(a, b);
        assertEquals(a, State.defaults());
        assertEquals(a.hashCode(), State.defaults().hashCode());
        assertEquals(State.defaults().withTemperature(2).withName(1, "b"),
                State.defaults().withName(1, "b").withTemperature(2));
        assertNotEquals(State.defaults(), State.defaults().withEmbed(true));
        assertNotEquals(State.defaults(), State.defaults().withColorScheme(ColorScheme.PROJECTOR));
        assertNotEquals(State.defaults(), State.defaults().withLearningRate(0.5));
        assertNotEquals(State.defaults(), State.defaults().withStress(true));
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
