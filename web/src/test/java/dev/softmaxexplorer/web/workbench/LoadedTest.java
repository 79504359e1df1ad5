package dev.softmaxexplorer.web.workbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.softmaxexplorer.core.Precision;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The workbench's vector: ranking (against a full sort), histogram, names and choices, vocabularies. */
class LoadedTest {

    private static Loaded loaded(String text) {
        return Loaded.of(LogitText.read(text).value(), null);
    }

    @Test
    void ranksTheTopClassesAsAFullSortDoes() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 200; n++) {
            int k = 2 + random.nextInt(600);
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                // Few distinct values, so that ties (broken by the lower index) are common.
                z[i] = random.nextInt(30) - 15;
            }
            Integer[] sorted = IntStream.range(0, k).boxed().sorted(Comparator.<Integer>comparingDouble(i -> -z[i])
                    .thenComparingInt(i -> i)).toArray(Integer[]::new);
            int top = Math.min(Loaded.MAX_TOP, k);
            int[] expected = Arrays.stream(sorted, 0, top).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, Loaded.topClasses(z, top));
            Loaded v = Loaded.of(LogitText.read(Arrays.toString(z)).value(), "x.npy");
            for (int r = 0; r < k; r += 1 + k / 20) {
                assertEquals(r + 1, v.rank(sorted[r]));
            }
        }
    }

    @Test
    void keepsItsChoicesAndNames() {
        Loaded v = loaded("[3, -inf, 1, 2, 1]");
        assertEquals(5, v.size());
        assertEquals(5, v.top());
        assertEquals(List.of(0, 3, 2, 4), List.of(v.ranked(0), v.ranked(1), v.ranked(2), v.ranked(3)));
        assertEquals(1, v.lowest());
        assertEquals(3, v.highest());
        assertEquals(7.0 / 4, v.mean());
        int[] bins = v.histogram();
        assertEquals(4, Arrays.stream(bins).sum());
        assertEquals(2, bins[0]);
        assertEquals(1, bins[Loaded.BINS - 1]);
        assertEquals("#2", v.name(2));
        Loaded named = v.withNames(new String[] {"the", "\n", "cat"}).withTarget(3).withTop(2);
        assertEquals("cat", named.name(2));
        assertEquals("#3", named.name(3));
        assertEquals(2, named.classNamed("cat"));
        assertEquals(-1, named.classNamed("dog"));
        assertEquals(3, named.target());
        assertEquals(2, named.top());
        assertEquals(5, named.rank(1));
        Loaded otherRow = loaded("[0, 1, 2, 3, 4]").withChoicesOf(named);
        assertEquals(List.of("cat", 3, 2, 4), List.of(otherRow.name(2), otherRow.target(), otherRow.top(), otherRow.ranked(0)));
        assertThrows(IllegalArgumentException.class, () -> loaded("[1, 2]").withChoicesOf(named));
        assertThrows(IllegalArgumentException.class, () -> v.withTarget(5));
        assertThrows(IllegalArgumentException.class, () -> v.withTop(0));
        // Stable float16 at T = 1 keeps classes within 17.33 of the top: all four finite ones.
        assertEquals(4, v.survivors(Precision.FLOAT16, 1));
        assertEquals(1, v.survivors(Precision.FLOAT16, 0.05));
        assertEquals(-Math.log(Math.exp(3) / (Math.exp(3) + Math.exp(2) + 2 * Math.exp(1))),
                v.evaluate(1, 0).crossEntropy(), 1e-15);
    }

    @Test
    void readsVocabularies() {
        assertArrayEquals(new String[] {"!", "\"", "\u0120the", null, "\n"},
                Vocabulary.read("{\"!\": 0, \"\\\"\": 1,\n \"\\u0120the\": 2, \"\\n\": 4}").value());
        assertArrayEquals(new String[] {"a", " b", ""}, Vocabulary.read("a\r\n b\n\n").value());
        assertEquals("workbench.vocab.json", Vocabulary.read("{\"a\": 0, \"b\" 1}").reason().key());
        assertEquals("2", Vocabulary.read("{\"a\": 0,\n \"b\" 1}").reason().value("line"));
        assertEquals("workbench.vocab.id", Vocabulary.read("{\"a\": 131072}").reason().key());
        assertEquals("workbench.problem.empty", Vocabulary.read("  ").reason().key());
        assertEquals("workbench.problem.empty", Vocabulary.read("{}").reason().key());
        assertNull(LogitText.dtype("float"));
    }
}
