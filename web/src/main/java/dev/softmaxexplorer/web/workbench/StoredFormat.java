package dev.softmaxexplorer.web.workbench;

import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.state.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench says about the numbers as they were stored: the {@code .npy} file's dtype
 * by NumPy's name ("int32, read exactly"), or decimal text and the dtype its print named; and the
 * formats narrower than float64 that hold every value exactly, which the page offers as the
 * precision of its naive pipeline (a float32 file of a bfloat16 model's outputs holds only
 * bfloat16 values, which NumPy has no dtype for).
 */
public final class StoredFormat {
    /** The formats offered, narrowest first. */
    private static final Precision[] NARROW = {Precision.FLOAT16, Precision.BFLOAT16, Precision.FLOAT32};

    private StoredFormat() {
    }

    /** The dtype of an {@code .npy} file ("<i4") by NumPy's name ("int32"). */
    static String numpyName(String dtype) {
        char kind = dtype.charAt(1);
        String bits = Integer.toString(8 * (dtype.charAt(2) - '0'));
        return (kind == 'f' ? "float" : kind == 'i' ? "int" : "uint") + bits;
    }

    /** How a file's values were stored: exactly, except 8-byte integers beyond 2^53. */
    public static Message of(NpyFile file) {
        String dtype = file.dtype();
        boolean wideInteger = dtype.charAt(1) != 'f' && dtype.charAt(2) == '8';
        return new Message(wideInteger ? "workbench.stored.wide" : "workbench.stored.exact", "dtype", numpyName(dtype));
    }

    /**
     * How text was read: each decimal as the nearest double.
     *
     * @param printed the dtype the print named (NumPy's {@code dtype=float32}), or null
     */
    public static Message ofText(Precision printed) {
        return printed == null ? new Message("workbench.stored.text")
                : new Message("workbench.stored.text-typed", "dtype", printed.displayName());
    }

    /**
     * The formats to offer for the naive pipeline, narrowest first: the one the input was stored
     * in, if any, and each narrower than float32 that holds every value exactly; float32 when it
     * holds every value and nothing narrower does.
     */
    public static List<Precision> offered(LogitVector vector) {
        List<Precision> offered = new ArrayList<>();
        for (Precision p : NARROW) {
            boolean narrower = p != Precision.FLOAT32;
            if (p == vector.precision() || holdsEvery(vector, p) && (narrower || offered.isEmpty())) {
                offered.add(p);
            }
        }
        return offered;
    }

    /** Whether rounding to the format leaves every value as it is (-inf, a masked class, stays). */
    static boolean holdsEvery(LogitVector vector, Precision p) {
        for (int i = 0; i < vector.size(); i++) {
            double z = vector.logit(i);
            if (p.round(z) != z) {
                return false;
            }
        }
        return true;
    }
}
