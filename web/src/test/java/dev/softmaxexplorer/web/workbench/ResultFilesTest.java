package dev.softmaxexplorer.web.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softmaxexplorer.core.SoftmaxResult;
import org.junit.jupiter.api.Test;

/** The workbench's downloads, on a vector whose softmax is worked out by hand. */
class ResultFilesTest {

    /** z = (0, 0, -inf) at T = 1, true class 0, no smoothing: p = (1/2, 1/2, 0), log p = (-ln 2, -ln 2, -inf). */
    private static Loaded halves() {
        return Loaded.of(LogitVector.checked(new double[] {0, 0, Double.NEGATIVE_INFINITY}, 3, null).value(), null);
    }

    @Test
    void theCsvHasAHeaderAndOneLineAClassInShortestRoundTripDecimals() {
        SoftmaxResult exact = halves().evaluate(1, 0);
        // ln 2 = 0.693147180559945309..., whose nearest double prints shortest as 0.6931471805599453;
        // the gradient of the cross-entropy is p - y: (1/2 - 1, 1/2, 0).
        assertEquals("index,p,log_p,gradient\n"
                + "0,0.5,-0.6931471805599453,-0.5\n"
                + "1,0.5,-0.6931471805599453,0.5\n"
                + "2,0,-Infinity,0\n", ResultFiles.csv(exact));
    }

    @Test
    void eachNpyFileHoldsItsColumnAsFloat64() {
        Loaded loaded = halves();
        SoftmaxResult exact = loaded.evaluate(1, 0);
        assertRow(new double[] {0, 0, Double.NEGATIVE_INFINITY}, ResultFiles.logits(loaded));
        assertRow(new double[] {0.5, 0.5, 0}, ResultFiles.probabilities(exact));
        assertRow(new double[] {-0.6931471805599453, -0.6931471805599453, Double.NEGATIVE_INFINITY},
                ResultFiles.logProbabilities(exact));
        assertRow(new double[] {-0.5, 0.5, 0}, ResultFiles.gradient(exact));
    }

    private static void assertRow(double[] expected, byte[] file) {
        NpyFile npy = NpyFile.read(ByteSource.of(file)).value();
        assertEquals(expected.length, npy.columns());
        for (int i = 0; i < expected.length; i++) {
            // Read back as the raw little-endian doubles after NumPy's 128-byte header.
            long bits = 0;
            for (int b = 7; b >= 0; b--) {
                bits = bits << 8 | file[128 + 8 * i + b] & 0xFF;
            }
            assertEquals(expected[i], Double.longBitsToDouble(bits), "entry " + i);
        }
    }
}
