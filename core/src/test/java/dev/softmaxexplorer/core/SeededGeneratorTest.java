package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pinned outputs come from teaching-references.json, made by make_teaching_references.py: an
 * independent Python transcription of the published xoshiro128** 1.1 C code with the documented
 * fmix32 seeding, in explicit 32-bit unsigned arithmetic. The browser test can compare the same
 * values.
 */
class SeededGeneratorTest {

    private static List<?> pinned() {
        return (List<?>) ((Map<?, ?>) Json.resource("teaching-references.json")).get("generator");
    }

    @Test
    void firstOutputsMatchTheReferenceImplementation() {
        for (Object o : pinned()) {
            Map<?, ?> c = (Map<?, ?>) o;
            int seed = (int) Json.number(c.get("seed"));
            double[] ints = Json.numbers(c.get("ints"));
            SeededGenerator g = new SeededGenerator(seed);
            for (int i = 0; i < ints.length; i++) {
                assertEquals((int) ints[i], g.nextInt(), "seed " + seed + ", output " + i);
            }
            double[] doubles = Json.numbers(c.get("doubles"));
            SeededGenerator h = new SeededGenerator(seed);
            double[] actual = new double[doubles.length];
            for (int i = 0; i < doubles.length; i++) {
                actual[i] = h.nextDouble();
            }
            assertArrayEquals(doubles, actual, 0.0, "seed " + seed);
        }
    }

    @Test
    void doublesLieInTheUnitIntervalWithUniformMean() {
        SeededGenerator g = new SeededGenerator(7);
        int n = 200_000;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double u = g.nextDouble();
            assertTrue(u >= 0.0 && u < 1.0, "u = " + u);
            sum += u;
        }
        // Mean of n uniforms: 0.5 with standard deviation sqrt(1/12/n) = 6.5e-4; allow 5 sigma.
        assertEquals(0.5, sum / n, 5 * Math.sqrt(1.0 / 12 / n));
    }

    @Test
    void neighbouringSeedsGiveDifferentStreams() {
        Set<Integer> firsts = new HashSet<>();
        for (int seed = -500; seed < 500; seed++) {
            firsts.add(new SeededGenerator(seed).nextInt());
        }
        // 1000 draws from 2^32 values collide with probability about 1e-4.
        assertEquals(1000, firsts.size());
        assertNotEquals(new SeededGenerator(1).nextDouble(), new SeededGenerator(2).nextDouble());
    }

    /** The generator's own logarithm (for normal deviates) is within 4 ulp of the JVM's. */
    @Test
    void logOfTheNormalDeviatesIsAccurate() {
        SeededGenerator g = new SeededGenerator(11);
        for (int i = 0; i < 100000; i++) {
            double x = g.nextDouble();
            if (x > 0) {
                double exact = StrictMath.log(x);
                org.junit.jupiter.api.Assertions.assertEquals(exact, SeededGenerator.log(x), 4 * Math.ulp(exact), "x = " + x);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(StrictMath.log(1e-300), SeededGenerator.log(1e-300),
                4 * Math.ulp(StrictMath.log(1e-300)));
    }
}
